import { defineServer, type ServerDefinition } from '../../core/definition.js';
import { apiFactory, type ReductoTuning, verifyApiKey } from './api.js';
import { reductoTools } from './tools.js';

/**
 * The Reducto server. `tuning` shortens retries and job polling (delays, deadline, a virtual sleep)
 * and upload sizes; only tests pass it, the registry loads the default export.
 */
export function createReductoServer(tuning: ReductoTuning = {}): ServerDefinition {
  return defineServer({
    id: 'reducto',
    name: 'Reducto',
    description:
      'Reducto document processing: parse documents into Markdown chunks, extract data in a JSON schema, split documents into sections, upload files, follow and cancel jobs.',
    instructions:
      'Documents are named by a URL, a reducto:// file_id from upload_document, or jobid://<job_id> of an earlier parse. ' +
      'parse_document, extract_data and split_document wait for the result; the *_async tools return a job_id for ' +
      'get_job_status. Parse results come a page at a time: get_job_status with job_id, chunk_offset and ' +
      'content_offset gives the next page.',
    auth: {
      kind: 'api_key',
      // guMCP's credential field name, so its users' credential files keep working.
      fields: [{ name: 'api_key', label: 'Reducto API key', secret: true }],
      verify: (values) => verifyApiKey(values, tuning),
    },
    tools: reductoTools(apiFactory(tuning)),
  });
}

export default createReductoServer();
