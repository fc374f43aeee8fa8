import { ErrorBody } from '@ministudio/domain';
import Type from 'typebox';

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** The 4xx answers every write route can give, for the OpenAPI document. */
export const writeErrors = {
  400: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  428: ErrorBody,
};

export const IfMatchHeader = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The project version this change is based on' })),
});
