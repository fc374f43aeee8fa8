import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClipMedia } from '../src/timeline/clip-media';

afterEach(cleanup);

describe('ClipMedia', () => {
  it('tiles the take filmstrip across the clip, one thumbnail per slot', () => {
    // jsdom has no IntersectionObserver: the clip loads at once, as on an engine without one.
    const { container } = render(
      <ClipMedia
        filmstripUrl="/api/assets/strip"
        waveformUrl={null}
        widthPx={200}
        heightPx={45}
        seconds={4}
      />,
    );
    const frames = [...container.querySelectorAll<HTMLElement>('.clip-filmstrip-frame')];
    expect(frames.map((f) => f.dataset.frame)).toEqual(['1', '4', '7']);
    expect(frames[1]!.style.backgroundImage).toContain('/api/assets/strip');
    expect(frames[1]!.style.backgroundPosition).toBe('-320px 0px');
    expect(frames[2]!.style.width).toBe('40px');
    expect(container.querySelector('canvas')).toBeNull();
  });

  it('keeps a strip under the filmstrip for the speech waveform', () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const { container } = render(
      <QueryClientProvider client={client}>
        <ClipMedia filmstripUrl="/s.jpg" waveformUrl="/w.json" widthPx={300} heightPx={74} seconds={2.5} />
      </QueryClientProvider>,
    );
    expect(screen.getByRole('img', { name: 'Speech waveform, 2.5 s' })).toBeTruthy();
    expect(container.querySelector<HTMLElement>('.clip-filmstrip')!.style.height).toBe('58px');
    expect(container.querySelector<HTMLElement>('.clip-waveform')!.style.height).toBe('16px');
  });

  it('draws nothing for an unrendered shot, so its storyboard text shows', () => {
    const { container } = render(
      <ClipMedia filmstripUrl={null} waveformUrl={null} widthPx={300} heightPx={74} seconds={3} />,
    );
    expect(container.innerHTML).toBe('');
  });
});
