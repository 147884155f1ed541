// The errors of the storage server, as Supabase Storage (storage-api) renders them. storage-api's
// StorageBackendError carries the status it means (`statusCode`, a string in the body) and a
// `code`; its error handler answers HTTP 400 for every such error but a 500 (or the few it gives a
// status of their own), so supabase-js's `error.status` is 400 and `error.statusCode` the meant one.
// Sources: src/internal/errors/codes.ts (ERRORS), src/internal/errors/storage-error.ts (render,
// userStatusCode), src/http/error-handler.ts (setErrorHandler), src/http/schemas/error.ts (the
// body's fields and their order), src/storage/database/errors.ts (DBError.fromDBError).
import pg from 'pg';

export class StorageError extends Error {
  constructor(
    /** The status the error means: the body's `statusCode`. */
    readonly statusCode: number,
    readonly code: string,
    message: string,
    /** The body's `error`: storage-api's older name for the error, or the code. */
    readonly error: string = code,
    /** The HTTP status: 400 unless the error is a 500 (storage-error.ts, userStatusCode). */
    readonly httpStatus: number = statusCode === 500 ? 500 : 400,
  ) {
    super(message);
  }

  body() {
    return { statusCode: String(this.statusCode), error: this.error, message: this.message, code: this.code };
  }
}

export const errors = {
  noSuchKey: () => new StorageError(404, 'NoSuchKey', 'Object not found', 'not_found'),
  noSuchBucket: () => new StorageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
  invalidKey: (key: string) => new StorageError(400, 'InvalidKey', `Invalid key: ${key}`),
  invalidBucketName: () => new StorageError(400, 'InvalidBucketName', 'Bucket name invalid', 'Invalid Input'),
  invalidRequest: (message: string) => new StorageError(400, 'InvalidRequest', message),
  /** A request fastify's schema validation refuses: its error is a plain Error, named so. */
  validation: (message: string) => new StorageError(400, 'InvalidRequest', message, 'Error'),
  invalidParameter: (name: string) => new StorageError(400, 'InvalidParameter', `Invalid Parameter ${name}`),
  noContent: () => new StorageError(400, 'InvalidRequest', 'No content provided'),
  accessDenied: (message: string, httpStatus?: number) => new StorageError(403, 'AccessDenied', message, 'Unauthorized', httpStatus),
  resourceAlreadyExists: () => new StorageError(409, 'ResourceAlreadyExists', 'The resource already exists', 'Duplicate'),
  keyAlreadyExists: () => new StorageError(409, 'KeyAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketAlreadyExists: () => new StorageError(409, 'BucketAlreadyExists', 'The resource already exists', 'Duplicate'),
  bucketNotEmpty: () => new StorageError(409, 'ResourceNotEmpty', 'The bucket you tried to delete is not empty'),
  entityTooLarge: (entity = 'object') =>
    new StorageError(413, 'EntityTooLarge', `The ${entity} exceeded the maximum allowed size`, 'Payload too large'),
  invalidMimeType: (mimeType: string) => new StorageError(415, 'InvalidMimeType', `mime type ${mimeType} is not supported`, 'invalid_mime_type'),
  invalidJwt: (message: string) => new StorageError(400, 'InvalidJWT', message),
  invalidSignature: (message = 'Invalid signature') => new StorageError(400, 'InvalidSignature', message),
  relatedResourceNotFound: () => new StorageError(404, 'InvalidRequest', 'The related resource does not exist'),
  resourceReferenced: () => new StorageError(409, 'ResourceReferenced', 'The resource could not be updated or removed due to a foreign key constraint'),
  databaseTimeout: () => new StorageError(544, 'DatabaseTimeout', 'The connection to the database timed out', 'DatabaseTimeout', 544),
  /** What storage-api answers for an error it did not expect (error-handler.ts, the last branch). */
  internal: () => new StorageError(500, 'InternalError', 'Internal Server Error', 'Internal'),
  /** setRestNotFoundHandler (src/http/not-found-handler.ts): a real 404. */
  routeNotFound: (method: string, url: string) => new StorageError(404, 'InvalidRequest', `Route ${method}:${url} not found`, 'Not Found', 404),
};

/** What Postgres refused, as storage-api's DBError.fromDBError names it; anything else is passed on. */
export function fromDatabase(error: unknown): unknown {
  if (!(error instanceof pg.DatabaseError)) return error;
  switch (error.code) {
    case '42501':
      return errors.accessDenied(error.message.includes('row-level security') ? 'new row violates row-level security policy' : error.message);
    case '23505':
      return errors.resourceAlreadyExists();
    case '23503':
      return error.detail?.includes('is still referenced from table') ? errors.resourceReferenced() : errors.relatedResourceNotFound();
    case '57014':
      return errors.databaseTimeout();
    case '22P02':
      return new StorageError(400, 'InvalidParameter', error.message || 'Invalid value format or type conversion failed');
    default:
      return new StorageError(500, 'DatabaseError', `database error, code: ${error.code}`);
  }
}

/** A unique violation where storage-api names the thing that already exists (pg.ts createObject, createBucket). */
export function alreadyExistsAs(error: unknown, named: () => StorageError): unknown {
  return error instanceof StorageError && error.code === 'ResourceAlreadyExists' ? named() : error;
}
