/** What the Atlassian servers share: OAuth 2.0 (3LO), site discovery and choice, ADF, error shapes. */
export { type AdfDoc, type AdfMark, type AdfNode, adfToMarkdown, markdownToAdf } from './adf.js';
export { type AtlassianErrorDetail, AtlassianScopeError, errorDetail, isScopeMismatch } from './errors.js';
export { ATLASSIAN_AUTHORIZE_URL, ATLASSIAN_TOKEN_URL, atlassianOAuth } from './oauth.js';
export {
  ATLASSIAN_API,
  type AtlassianProduct,
  type AtlassianSite,
  describeSite,
  discoverSites,
  fetchSites,
  resolveSite,
  type SiteChoice,
  storedSites,
} from './sites.js';
