/** A render or film the studio refuses, with a code the API maps to its HTTP answer. */
export class RenderRefused extends Error {
  constructor(
    readonly code:
      | 'unsupported_by_provider'
      | 'provider_not_configured'
      | 'speech_does_not_fit'
      | 'not_ready'
      | 'not_found',
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}
