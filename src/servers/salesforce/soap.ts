/**
 * Lead conversion through the SOAP partner API: Salesforce has no REST resource for it, and the
 * SOAP call accepts the OAuth access token as its session id. Only this call is SOAP, so the XML is
 * written and read here by hand: a request of fixed shape and the few elements of its answer.
 */

/** What convertLead() takes for one lead (the LeadConvert type), in the WSDL's element order. */
export interface LeadConvert {
  accountId?: string | undefined;
  contactId?: string | undefined;
  convertedStatus: string;
  doNotCreateOpportunity?: boolean | undefined;
  leadId: string;
  opportunityName?: string | undefined;
  ownerId?: string | undefined;
  sendNotificationEmail?: boolean | undefined;
}

/** One LeadConvertResult. */
export interface LeadConvertResult {
  accountId: string | null;
  contactId: string | null;
  leadId: string | null;
  opportunityId: string | null;
  success: boolean;
  errors: { message: string; statusCode: string; fields: string[] }[];
}

const ORDER: readonly (keyof LeadConvert)[] = [
  'accountId',
  'contactId',
  'convertedStatus',
  'doNotCreateOpportunity',
  'leadId',
  'opportunityName',
  'ownerId',
  'sendNotificationEmail',
];

export const escapeXml = (value: string): string =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string,
  );

const unescapeXml = (value: string): string =>
  value.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** The convertLead envelope; the session id goes in its header, as SOAP API requires. */
export function convertLeadEnvelope(sessionId: string, lead: LeadConvert): string {
  const fields = ORDER.filter((k) => lead[k] !== undefined)
    .map((k) => `<urn:${k}>${escapeXml(String(lead[k]))}</urn:${k}>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:partner.soap.sforce.com">' +
    `<soapenv:Header><urn:SessionHeader><urn:sessionId>${escapeXml(sessionId)}</urn:sessionId></urn:SessionHeader></soapenv:Header>` +
    `<soapenv:Body><urn:convertLead><urn:leadConverts>${fields}</urn:leadConverts></urn:convertLead></soapenv:Body>` +
    '</soapenv:Envelope>'
  );
}

/** The text of every element named `name` (any namespace prefix) directly in `xml`; nil elements give none. */
function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${name}(?:\\s[^>]*)?>([\\s\\S]*?)</(?:[\\w-]+:)?${name}>`, 'g');
  return [...xml.matchAll(re)].map((m) => m[1] ?? '');
}

const first = (xml: string, name: string): string | null => {
  const [value] = elements(xml, name);
  return value === undefined ? null : unescapeXml(value.trim());
};

/** The first LeadConvertResult of a convertLead answer, or undefined when the answer holds none. */
export function parseConvertLeadResult(xml: string): LeadConvertResult | undefined {
  const [result] = elements(xml, 'result');
  if (result === undefined) return undefined;
  const errors = elements(result, 'errors').map((e) => ({
    message: first(e, 'message') ?? '',
    statusCode: first(e, 'statusCode') ?? '',
    fields: elements(e, 'fields').map((f) => unescapeXml(f.trim())),
  }));
  // Errors come before the ids in the answer; read the ids outside them.
  const outside = result.replace(/<(?:[\w-]+:)?errors[\s>][\s\S]*?<\/(?:[\w-]+:)?errors>/g, '');
  return {
    accountId: first(outside, 'accountId'),
    contactId: first(outside, 'contactId'),
    leadId: first(outside, 'leadId'),
    opportunityId: first(outside, 'opportunityId'),
    success: first(outside, 'success') === 'true',
    errors,
  };
}

/** A SOAP fault's code without its prefix (`INVALID_SESSION_ID`) and its text, if the answer is one. */
export function parseFault(xml: string): { code: string; message: string } | undefined {
  const code = first(xml, 'faultcode');
  if (code === null) return undefined;
  return { code: code.replace(/^[\w-]+:/, ''), message: first(xml, 'faultstring') ?? '' };
}
