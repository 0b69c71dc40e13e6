/**
 * The parts of Intercom's REST API JSON (OpenAPI description, github.com/intercom/Intercom-OpenAPI,
 * descriptions/2.16) that this server reads. Intercom sends many more fields; only those used are typed.
 * Times are Unix seconds.
 */

export interface IcRef {
  type?: string;
  id: string;
  name?: string | null;
  email?: string | null;
}

/** `pages`: page numbers, and for cursor lists `next.starting_after`. */
export interface IcPages {
  type?: 'pages';
  page?: number;
  per_page?: number;
  total_pages?: number;
  next?: { per_page?: number; starting_after?: string | null } | string | null;
}

export interface IcList<T> {
  type?: string;
  data?: T[];
  total_count?: number;
  pages?: IcPages | null;
}

export interface IcContact {
  type?: string;
  id: string;
  external_id?: string | null;
  workspace_id?: string;
  role?: string;
  email?: string | null;
  phone?: string | null;
  name?: string | null;
  owner_id?: number | null;
  created_at?: number;
  updated_at?: number;
  signed_up_at?: number | null;
  last_seen_at?: number | null;
  custom_attributes?: Record<string, unknown>;
}

export interface IcTag {
  type?: string;
  id: string;
  name?: string;
  applied_at?: number | null;
  applied_by?: { type?: string; id?: string } | null;
}

export interface IcPart {
  type?: string;
  id: string;
  part_type?: string;
  body?: string | null;
  created_at?: number;
  author?: IcRef;
}

export interface IcConversation {
  type?: string;
  id: string;
  title?: string | null;
  created_at?: number;
  updated_at?: number;
  state?: string;
  open?: boolean;
  read?: boolean;
  priority?: string;
  admin_assignee_id?: number | null;
  team_assignee_id?: number | null;
  tags?: { tags?: IcTag[] };
  source?: {
    type?: string;
    id?: string | null;
    delivered_as?: string;
    subject?: string;
    body?: string | null;
    author?: IcRef;
  };
  contacts?: { contacts?: { id: string; external_id?: string | null }[] };
  conversation_parts?: { conversation_parts?: IcPart[]; total_count?: number };
}

export interface IcMessage {
  type: string;
  id: string;
  created_at: number;
  body?: string;
  message_type?: string;
  conversation_id?: string | null;
}

export interface IcAdmin {
  type?: string;
  id: string;
  name?: string;
  email?: string;
  job_title?: string | null;
  away_mode_enabled?: boolean;
  has_inbox_seat?: boolean;
  team_ids?: number[];
}

export interface IcMe extends IcAdmin {
  app?: { id_code?: string; name?: string; region?: string; timezone?: string } | null;
}

export interface IcCompany {
  type?: string;
  id: string;
  company_id?: string;
  name?: string;
  website?: string;
  industry?: string;
  size?: number;
  user_count?: number;
  session_count?: number;
  monthly_spend?: number;
  created_at?: number;
  updated_at?: number;
  plan?: { name?: string } | null;
  custom_attributes?: Record<string, unknown>;
  tags?: { tags?: IcTag[] };
}

export interface IcArticle {
  type?: string;
  id: string;
  workspace_id?: string;
  title?: string;
  description?: string | null;
  body?: string | null;
  author_id?: number;
  state?: string;
  created_at?: number;
  updated_at?: number;
  url?: string | null;
  parent_ids?: number[];
  /** Before 2.16 an article had one parent; 2.16 lists parent_ids only. */
  parent_id?: number | null;
}

export interface IcTicketState {
  type?: string;
  id: string;
  category?: string;
  internal_label?: string;
  external_label?: string;
  archived?: boolean;
}

export interface IcTicketType {
  type?: string;
  id: string;
  name?: string;
  description?: string;
  category?: string;
  archived?: boolean;
  ticket_states?: { data?: IcTicketState[] };
  ticket_type_attributes?: {
    data?: {
      id?: string;
      name?: string;
      data_type?: string;
      required_to_create?: boolean;
      archived?: boolean;
    }[];
  };
}

export interface IcTicket {
  type?: string;
  id: string;
  ticket_id?: string;
  category?: string;
  ticket_attributes?: Record<string, unknown>;
  ticket_state?: IcTicketState;
  ticket_type?: IcTicketType;
  contacts?: { contacts?: { id: string; external_id?: string | null }[] };
  admin_assignee_id?: number | string;
  team_assignee_id?: number | string;
  created_at?: number;
  updated_at?: number;
  open?: boolean;
  is_shared?: boolean;
  ticket_parts?: { ticket_parts?: IcPart[] };
}

export interface IcTicketReply {
  type?: string;
  id: string;
  part_type?: string;
  body?: string | null;
  created_at?: number;
  author?: IcRef;
}
