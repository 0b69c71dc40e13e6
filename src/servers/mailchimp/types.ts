/**
 * The parts of Mailchimp Marketing API 3.0 answers this server reads (the SubscriberList, Campaign,
 * list member and list activity schemas of Mailchimp's API definition); every field is optional, as
 * `fields` and account settings can leave any of them out.
 */

export interface SubscriberList {
  id: string;
  web_id?: number;
  name?: string;
  date_created?: string;
  double_optin?: boolean;
  has_welcome?: boolean;
  visibility?: string;
  subscribe_url_short?: string;
  stats?: {
    member_count?: number;
    unsubscribe_count?: number;
    cleaned_count?: number;
    campaign_count?: number;
    campaign_last_sent?: string;
    last_sub_date?: string;
    open_rate?: number;
    click_rate?: number;
  };
  [field: string]: unknown;
}

export interface Campaign {
  id: string;
  web_id?: number;
  type?: string;
  status?: string;
  create_time?: string;
  send_time?: string;
  emails_sent?: number;
  content_type?: string;
  archive_url?: string;
  recipients?: { list_id?: string; list_name?: string; segment_text?: string; recipient_count?: number };
  settings?: {
    subject_line?: string;
    preview_text?: string;
    title?: string;
    from_name?: string;
    reply_to?: string;
    template_id?: number;
  };
  report_summary?: {
    opens?: number;
    unique_opens?: number;
    open_rate?: number;
    clicks?: number;
    subscriber_clicks?: number;
    click_rate?: number;
  };
  [field: string]: unknown;
}

export interface Activity {
  day?: string;
  emails_sent?: number;
  unique_opens?: number;
  recipient_clicks?: number;
  hard_bounce?: number;
  soft_bounce?: number;
  subs?: number;
  unsubs?: number;
  other_adds?: number;
  other_removes?: number;
  [field: string]: unknown;
}

export interface ActivityPage {
  activity?: Activity[];
  list_id?: string;
  total_items?: number;
}

export interface Member {
  id: string;
  email_address: string;
  unique_email_id?: string;
  status?: string;
  merge_fields?: Record<string, unknown>;
  tags?: { id?: number; name?: string }[];
  tags_count?: number;
  list_id?: string;
  last_changed?: string;
  timestamp_signup?: string;
  [field: string]: unknown;
}

/** GET https://login.mailchimp.com/oauth2/metadata */
export interface Metadata {
  dc?: string;
  role?: string;
  accountname?: string;
  user_id?: number;
  login_url?: string;
  api_endpoint?: string;
}
