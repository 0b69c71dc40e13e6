/**
 * lemlist API answers in the shapes of lemlist's OpenAPI description (developer.lemlist.com,
 * api-reference/openapi/v2.json, "lemlist API" 1.0.0): its examples, with ids changed. Errors are
 * plain text ("Campaign not found"), as lemlist documents them for most routes.
 */

export const team = {
  _id: 'tea_b4rMsi2trBhahaha',
  name: 'lemlist',
  userIds: ['usr_4YGm9ez7gMdyhahaha', 'usr_5GdFEgSLCN4hahaha'],
  createdBy: 'usr_4YGm9ez7gMdyhahaha',
  createdAt: '2018-02-22T08:52:30.926Z',
  hooks: [
    {
      _id: 'hoo_UAtwcPAd0tK9U6hKG',
      targetUrl: 'https://subdomain.pipedream.net',
      createdAt: '2022-02-10T16:45:28.216Z',
      campaignId: 'cam_7BE8IZRaqahU44Wp6',
    },
  ],
  beta: ['outreachQueue'],
};

export const senders = [
  {
    userId: 'usr_QB6kKK1wv68DujOET',
    campaigns: [
      {
        _id: 'cam_tBpHORyt3WhTQoi5A',
        name: 'Onboarding',
        status: 'paused',
        sendingChannels: ['email', 'manual'],
      },
    ],
  },
];

export const credits = {
  credits: 100,
  details: { remaining: { total: 100, freemium: 0, subscription: 80, gifted: 10, paid: 10 } },
};

export const user = {
  _id: 'usr_eSrHPSoL9QVPUOsho',
  email: 'example@lemlist.co',
  role: 'admin',
  linkedIn: { linkedinUrl: 'https://www.linkedin.com/in/john-doe', status: true, inviteLimit: 25 },
  mailboxes: [
    { _id: 'usm_2mkqJNUjnJQiyVBht', email: 'example@gmail.com', provider: 'google', status: 'ERROR' },
  ],
};

export function campaign(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    name,
    labels: [],
    createdAt: '2025-02-20T14:45:54.230Z',
    createdBy: 'usr_zdTCrNFyXblc4mrYK',
    status: 'running',
    hasError: false,
    errors: [],
    ...extra,
  };
}

export function createdCampaign(id: string, name: string) {
  return {
    _id: id,
    sequenceId: 'seq_ScVmFnlKdP6aVmyZN',
    scheduleIds: ['skd_IrCdCoQ0ZUAEeUDwR'],
    teamId: 'tea_edrkv2LgUK4Wf4ZzO',
    createdBy: 'usr_Sy3xIhbEi7auHFv5A',
    createdAt: '2025-01-16T13:53:22.726Z',
    state: 'running',
    scannedCount: 0,
    reviewedCount: 0,
    inSequenceLeadCount: 0,
    variableKeys: [],
    senders: [],
    sendUsers: [],
    displayedVariableKeys: ['companyName'],
    emoji: '🚀',
    stopOnEmailReplied: true,
    crmOpportunitiesOnTask: true,
    unsubscribe: 'campaign',
    name,
  };
}

export const campaignSettings = {
  name: 'New campaign name',
  stopOnEmailReplied: true,
  stopOnMeetingBooked: true,
  stopOnLinkClicked: false,
  leadsPausedByInterest: false,
  opportunityReplied: true,
  opportunityClicked: false,
  autoLeadInterest: true,
  disableTrackOpen: false,
  disableTrackClick: false,
  disableTrackReply: false,
  disableOutOfOffice: false,
  sequenceSharing: false,
};

export function exportJob(id: string, campaignId: string, status: 'pending' | 'done' | 'error', extra = {}) {
  return {
    _id: id,
    id,
    teamId: 'tea_c123fg5h8ijKL9noP',
    campaignId,
    campaignName: 'Insights Outreach 2024',
    status,
    startedAt: '2024-07-09T13:43:52.124Z',
    progressIndex: status === 'done' ? 6 : 0,
    progressTime: 1720532632124,
    progressLastStepDuration: 0,
    progressType: status === 'done' ? 'done' : 'starting',
    progress: 0,
    total: 0,
    ...(status === 'done'
      ? {
          fileSize: 654,
          endedAt: '2024-07-11T09:49:15.497Z',
          url: `https://api.lemlist.com/api/files/exports/fil_${id}_insights_outreach_2024.csv`,
        }
      : {}),
    ...extra,
  };
}

export function schedule(id: string, name: string, extra: Record<string, unknown> = {}) {
  return {
    _id: id,
    name,
    secondsToWait: 1200,
    timezone: 'Europe/Paris',
    start: '09:00',
    end: '18:00',
    weekdays: [1, 2, 3, 4, 5],
    teamId: 'tea_8QvkOiBfPdb2ZRhHi',
    createdBy: 'usr_ahfFktBBHUIxbVG5P',
    createdAt: '2025-10-27T09:41:11.187Z',
    ...extra,
  };
}

export function schedulesPage(schedules: unknown[], total: number, page: number, perPage: number) {
  const totalPage = Math.ceil(total / perPage);
  return {
    schedules,
    // The description types nextPage as an integer: it is left out on the last page.
    pagination: {
      totalRecords: total,
      currentPage: page,
      ...(page < totalPage ? { nextPage: page + 1 } : {}),
      totalPage,
    },
  };
}

export function createdLead(campaignId: string, email: string, extra: Record<string, unknown> = {}) {
  return {
    campaignId,
    campaignName: 'Product Launch',
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyName: 'Analytical Engines',
    email,
    _id: 'lea_fiDpiGV585wy3Oii2',
    isPaused: false,
    contactId: 'ctc_xW8Ou6C03Csv8vatp',
    ...extra,
  };
}

/** GET /leads/{email}?version=v2: one entry per campaign the email is a lead of. */
export function leadEverywhere(campaignId: string, email: string) {
  return {
    _id: 'lea_fiDpiGV585wy3Oii2',
    updatedAt: '2025-10-28T00:40:39.230Z',
    isPaused: false,
    state: 'scanned',
    status: 'review',
    personalized: false,
    source: 'api',
    variables: { firstName: 'Ada', lastName: 'Lovelace', email },
    contactId: 'ctc_xW8Ou6C03Csv8vatp',
    enrichment: { emailStatus: 'deliverable' },
    campaign: { id: campaignId, name: 'Product Launch', status: 'running' },
    sendingUser: {},
  };
}

export function lead(campaignId: string, email: string, extra: Record<string, unknown> = {}) {
  return {
    firstName: 'Ada',
    lastName: 'Lovelace',
    companyName: 'Analytical Engines',
    email,
    _id: 'lea_fiDpiGV585wy3Oii2',
    isPaused: false,
    campaignId,
    contactId: 'ctc_xW8Ou6C03Csv8vatp',
    emailStatus: 'deliverable',
    ...extra,
  };
}

export function unsubscribe(id: string, value: string, source = 'user') {
  return { _id: id, value, source, createdAt: '2023-06-12T10:45:21.367Z' };
}

export const unsubscribesCsv =
  '_id,value,source,createdAt\nuns_ZfdZWc7dvCqXdgQmb,john.doe@example.com,user,2023-06-12T10:45:21.367Z\n' +
  'uns_fH5gNhZnIpnwRlxZw,@example.org,api,2023-07-21T09:14:25.521Z';

export const filters = [
  {
    filterId: 'country',
    description: 'Filter by country',
    mode: ['leads', 'companies'],
    type: 'text',
    helper: 'Use free text search',
  },
  {
    filterId: 'department',
    description: 'Filter by department',
    mode: ['leads'],
    type: 'select',
    helper: 'Allowed values: Sales, Customer service, Engineering, Marketing',
  },
];

/** lemlist's error texts, as its reference lists them. */
export const errors = {
  badAuth: 'The authentication you supplied is incorrect',
  noUser: 'No user found for this API key',
  blocked: 'User linked to this API key is blocked',
  campaignNotFound: 'Campaign not found',
  leadNotFound: 'Lead not found',
  scheduleNotFound: 'Schedule not found',
};
