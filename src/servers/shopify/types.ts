/** The GraphQL Admin API objects the server reads, with the fields its queries select. */

import type { UserError } from './errors.js';

export interface SfPageInfo {
  hasNextPage: boolean;
  hasPreviousPage?: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export interface SfShop {
  id: string;
  name: string;
  email?: string | null;
  contactEmail?: string | null;
  myshopifyDomain: string;
  url?: string | null;
  currencyCode?: string | null;
  ianaTimezone?: string | null;
  primaryDomain?: { host: string; url: string } | null;
  plan?: { publicDisplayName?: string | null; partnerDevelopment?: boolean; shopifyPlus?: boolean } | null;
}

export interface SfVariant {
  id: string;
  title: string;
  sku?: string | null;
  price?: string | null;
  inventoryQuantity?: number | null;
  inventoryItem?: { id: string; tracked?: boolean | null } | null;
}

export interface SfProduct {
  id: string;
  title: string;
  handle: string;
  status: string;
  vendor?: string | null;
  productType?: string | null;
  tags?: string[];
  descriptionHtml?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  totalInventory?: number | null;
  onlineStoreUrl?: string | null;
  templateSuffix?: string | null;
  giftCard?: boolean | null;
  requiresSellingPlan?: boolean | null;
  seo?: { title?: string | null; description?: string | null } | null;
  options?: { id: string; name: string; optionValues?: { name: string }[] }[];
  variants?: { nodes: SfVariant[] };
}

export interface SfQuantity {
  name: string;
  quantity: number;
}

export interface SfLevel {
  id: string;
  updatedAt?: string | null;
  location: { id: string; name: string };
  quantities: SfQuantity[];
  item?: { id: string; sku?: string | null; tracked?: boolean | null };
}

export interface SfInventoryItem {
  id: string;
  sku?: string | null;
  tracked?: boolean | null;
  inventoryLevels?: { nodes: SfLevel[]; pageInfo: SfPageInfo };
  inventoryLevel?: SfLevel | null;
}

export interface SfVariantWithItem {
  id: string;
  title: string;
  sku?: string | null;
  product?: { id: string; title: string } | null;
  inventoryItem?: SfInventoryItem | null;
}

export interface SfAdjustmentGroup {
  id: string;
  createdAt?: string | null;
  reason?: string | null;
  changes: {
    name: string;
    delta: number;
    quantityAfterChange?: number | null;
    item?: { id: string } | null;
    location?: { id: string; name: string } | null;
  }[];
}

export interface Payload {
  userErrors?: UserError[];
}

/** The input of productCreate (ProductCreateInput), the fields guMCP's tool takes. */
export type ProductCreateInput = Record<string, unknown> & { title: string };
