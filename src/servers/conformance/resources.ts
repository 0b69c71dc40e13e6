import type { ResourceDef } from '../../core/definition.js';
import { RED_PIXEL_PNG } from './media.js';

/** A resource whose contents never change: one text or base64 `blob` entry under its own URI. */
function fixed(
  uri: string,
  name: string,
  description: string,
  mimeType: string,
  body: { text: string } | { blob: string },
): ResourceDef {
  return { uri, name, description, mimeType, read: async () => [{ uri, mimeType, ...body }] };
}

export const resources: readonly ResourceDef[] = [
  fixed('test://static-text', 'Static text', 'A fixed text resource.', 'text/plain', {
    text: 'This is the content of the static text resource.',
  }),
  fixed('test://static-binary', 'Static binary', 'A fixed binary resource: a 1x1 red PNG.', 'image/png', {
    blob: RED_PIXEL_PNG,
  }),
  fixed('test://watched-resource', 'Watched resource', 'A resource clients may subscribe to.', 'text/plain', {
    text: 'This resource can be watched for updates.',
  }),
  {
    uriTemplate: 'test://template/{id}/data',
    name: 'Template data',
    description: 'JSON data for any id, which the URI names.',
    mimeType: 'application/json',
    read: async (uri, { id = '' }) => [
      {
        uri,
        mimeType: 'application/json',
        text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
      },
    ],
    complete: { id: (value) => ['1', '2', '3', '123'].filter((id) => id.startsWith(value)) },
  },
];
