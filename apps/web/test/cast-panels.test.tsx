import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { type SentRequest, stubServer } from './editor-harness';
import { projectView } from './project-fixture';

// The cast and the locations share one panel and one editor frame, configured per kind: each must still
// offer everything that is its own.

let sent: SentRequest[] = [];
beforeAll(() => {
  sent = stubServer([projectView('pc', 'Lighthouse', ['The lamp turns'])], ({ method, path, body }) => {
    if (method === 'POST' && path === '/api/projects/pc/environments')
      return {
        version: 2,
        environment: { ...(body as object), id: 'pc-env-2', key: 'pc-env-2', plate: null, references: [] },
      };
    return undefined;
  });
  act(() => navigate(projectPath('pc')));
  render(<App />);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const panel = (name: string) => screen.getByRole('region', { name });
const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });

describe('cast and locations', () => {
  it('lists each kind under its heading, with its own second line', () => {
    expect(within(panel('Cast')).getByRole('button', { name: /Lighthouse lead/ }).textContent).toContain(
      '0 references',
    );
    expect(within(panel('Locations')).getByRole('button', { name: /Lighthouse set/ }).textContent).toContain(
      'no plate yet',
    );
  });

  it('opens a character with its references, identity and voice, and a location with its plate and place', () => {
    fireEvent.click(within(panel('Cast')).getByRole('button', { name: /Lighthouse lead/ }));
    const character = within(inspector()).getByRole('form', { name: 'Character Lighthouse lead' });
    for (const label of ['Name', 'Upload reference image', 'Clothing', 'Speech provider', 'Voice'])
      expect(within(character).getByLabelText(label)).toBeTruthy();
    // The voice is picked from the provider's list (the same picker as the narrator's), never typed.
    expect(within(character).queryByLabelText('Voice id')).toBeNull();
    expect(within(character).getByRole('button', { name: /Play sample/ })).toBeTruthy();
    expect(within(character).getByRole('button', { name: 'Add trait' })).toBeTruthy();
    expect(within(panel('Cast')).getByRole('button', { pressed: true }).textContent).toContain(
      'Lighthouse lead',
    );

    fireEvent.click(within(panel('Locations')).getByRole('button', { name: /Lighthouse set/ }));
    const location = within(inspector()).getByRole('form', { name: 'Location Lighthouse set' });
    for (const label of ['Name', 'Place', 'Upload plate', 'Upload reference image', 'Time of day'])
      expect(within(location).getByLabelText(label)).toBeTruthy();
    expect(within(panel('Cast')).queryByRole('button', { pressed: true })).toBeNull();
  });

  it('asks before deleting, in the words of the kind', () => {
    const location = within(inspector()).getByRole('form', { name: 'Location Lighthouse set' });
    fireEvent.click(within(location).getByRole('button', { name: 'Delete location' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete Lighthouse set?' });
    expect(dialog.textContent).toContain(
      'The location will be deleted. Undo (Ctrl+Z) brings all of it back.',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('adds a location by name and opens it', async () => {
    fireEvent.change(screen.getByLabelText('New location name'), { target: { value: 'Lamp room' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add location' }));
    await waitFor(() => within(inspector()).getByRole('form', { name: 'Location Lamp room' }));
    // Other reads go by POST too (the render estimate): the create is the POST to environments.
    expect(sent.find((r) => r.method === 'POST' && r.path.endsWith('/environments'))).toMatchObject({
      path: '/api/projects/pc/environments',
      body: { name: 'Lamp room', location: '' },
    });
    expect(within(panel('Locations')).getByRole('button', { pressed: true }).textContent).toContain(
      'Lamp room',
    );
  });
});
