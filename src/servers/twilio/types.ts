/**
 * The Twilio resources the tools read, with the fields they use (Twilio's OpenAPI descriptions,
 * github.com/twilio/twilio-oai: api_v2010, verify_v2, lookups_v2, conversations_v1, video_v1). Every
 * field may be null; the 2010 API gives dates in RFC 2822, the product APIs in ISO 8601.
 */

type Maybe<T> = T | null | undefined;

export interface TwilioAccount {
  sid: string;
  friendly_name?: Maybe<string>;
  status?: Maybe<'active' | 'suspended' | 'closed'>;
  type?: Maybe<string>;
}

export interface TwilioMessage {
  sid: string;
  account_sid?: Maybe<string>;
  to?: Maybe<string>;
  from?: Maybe<string>;
  body?: Maybe<string>;
  status?: Maybe<string>;
  direction?: Maybe<string>;
  num_segments?: Maybe<string>;
  num_media?: Maybe<string>;
  price?: Maybe<string>;
  price_unit?: Maybe<string>;
  error_code?: Maybe<number>;
  error_message?: Maybe<string>;
  messaging_service_sid?: Maybe<string>;
  date_created?: Maybe<string>;
  date_sent?: Maybe<string>;
  date_updated?: Maybe<string>;
  [field: string]: unknown;
}

export interface TwilioCall {
  sid: string;
  to?: Maybe<string>;
  from?: Maybe<string>;
  status?: Maybe<string>;
  direction?: Maybe<string>;
  parent_call_sid?: Maybe<string>;
  start_time?: Maybe<string>;
  end_time?: Maybe<string>;
  duration?: Maybe<string>;
  price?: Maybe<string>;
  price_unit?: Maybe<string>;
  answered_by?: Maybe<string>;
  date_created?: Maybe<string>;
  [field: string]: unknown;
}

export interface TwilioVerifyService {
  sid: string;
  friendly_name?: Maybe<string>;
  code_length?: Maybe<number>;
  lookup_enabled?: Maybe<boolean>;
  skip_sms_to_landlines?: Maybe<boolean>;
  dtmf_input_required?: Maybe<boolean>;
  date_created?: Maybe<string>;
}

export interface TwilioVerification {
  sid: string;
  service_sid?: Maybe<string>;
  to?: Maybe<string>;
  channel?: Maybe<string>;
  status?: Maybe<string>;
  valid?: Maybe<boolean>;
  date_created?: Maybe<string>;
}

export type TwilioVerificationCheck = TwilioVerification;

export interface TwilioLookup {
  phone_number?: Maybe<string>;
  national_format?: Maybe<string>;
  country_code?: Maybe<string>;
  calling_country_code?: Maybe<string>;
  valid?: Maybe<boolean>;
  validation_errors?: Maybe<string[]>;
  [field: string]: unknown;
}

export interface TwilioConversationService {
  sid: string;
  friendly_name?: Maybe<string>;
  date_created?: Maybe<string>;
}

export interface TwilioConversation {
  sid: string;
  chat_service_sid?: Maybe<string>;
  friendly_name?: Maybe<string>;
  unique_name?: Maybe<string>;
  state?: Maybe<string>;
  date_created?: Maybe<string>;
  date_updated?: Maybe<string>;
}

export interface TwilioParticipant {
  sid: string;
  conversation_sid?: Maybe<string>;
  chat_service_sid?: Maybe<string>;
  identity?: Maybe<string>;
  role_sid?: Maybe<string>;
  date_created?: Maybe<string>;
}

export interface TwilioConversationMessage {
  sid: string;
  conversation_sid?: Maybe<string>;
  index?: Maybe<number>;
  author?: Maybe<string>;
  body?: Maybe<string>;
  participant_sid?: Maybe<string>;
  date_created?: Maybe<string>;
}

export interface TwilioRoom {
  sid: string;
  unique_name?: Maybe<string>;
  status?: Maybe<string>;
  type?: Maybe<string>;
  max_participants?: Maybe<number>;
  duration?: Maybe<number>;
  status_callback?: Maybe<string>;
  date_created?: Maybe<string>;
  end_time?: Maybe<string>;
  [field: string]: unknown;
}
