/**
 * The parts of the Canva Connect API's JSON (its OpenAPI description, "Canva Connect API" 2024-06-18,
 * as published at canva.dev and in github.com/canva-sdks/canva-connect-api-starter-kit
 * openapi/spec.yml) that this server reads. Times are Unix seconds.
 */

export interface TeamUserSummary {
  user_id: string;
  team_id: string;
}

export interface CanvaUser {
  id: string;
  display_name?: string;
}

export interface Thumbnail {
  width: number;
  height: number;
  url: string;
}

export interface Design {
  id: string;
  title?: string;
  owner?: TeamUserSummary;
  thumbnail?: Thumbnail;
  urls: { edit_url: string; view_url: string };
  created_at: number;
  updated_at: number;
  page_count?: number;
  /** doc, email, presentation, whiteboard, custom, ... (not read here). */
  design_types?: string[];
}

/** What autofill and resize jobs give back: a Design without its owner. */
export type DesignSummary = Omit<Design, 'owner'> & { url?: string };

export interface CommentContent {
  plaintext: string;
  markdown?: string;
}

export interface Thread {
  id: string;
  design_id: string;
  thread_type:
    | {
        type: 'comment';
        content: CommentContent;
        mentions: Record<string, unknown>;
        assignee?: CanvaUser;
        resolver?: CanvaUser;
      }
    | { type: 'suggestion'; suggested_edits: unknown[]; status: string };
  author?: CanvaUser;
  created_at: number;
  updated_at: number;
}

export interface Reply {
  id: string;
  design_id: string;
  thread_id: string;
  author?: CanvaUser;
  content: CommentContent;
  mentions: Record<string, unknown>;
  created_at: number;
  updated_at: number;
}

export interface Folder {
  id: string;
  name: string;
  created_at: number;
  updated_at: number;
  thumbnail?: Thumbnail;
}

export type JobStatus = 'in_progress' | 'success' | 'failed';

export interface JobError {
  code: string;
  message: string;
}

export interface ExportJob {
  id: string;
  status: JobStatus;
  urls?: string[];
  error?: JobError;
}

export interface AssetUploadJob {
  id: string;
  status: JobStatus;
  error?: JobError;
  asset?: { id: string; name: string; type: string };
}

export interface DesignJob {
  id: string;
  status: JobStatus;
  /** Autofill: `{ type: 'create_design', design }`; resize: `{ design }`. */
  result?: { design: DesignSummary };
  error?: JobError;
}

/** The design type of a new design: a preset, or a custom size in pixels. */
export type DesignTypeInput =
  | { type: 'preset'; name: 'doc' | 'email' | 'presentation' | 'whiteboard' }
  | { type: 'custom'; width: number; height: number };

/** A value for one field of a brand template (DatasetValue). */
export type DatasetValue =
  | { type: 'text'; text: string }
  | { type: 'image'; asset_id: string }
  | { type: 'video'; asset_id: string }
  | { type: 'chart'; chart_data: unknown }
  | { type: 'sheet'; sheet_data: unknown };
