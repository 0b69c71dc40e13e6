/**
 * The GraphQL Admin API documents the server sends (version 2026-10). Each operation is named, so
 * logs and the test fake can tell them apart.
 */

const LEVEL = `fragment Level on InventoryLevel {
  id
  updatedAt
  location { id name }
  quantities(names: ["available", "on_hand", "committed", "incoming", "reserved"]) { name quantity }
}`;

/** A product as lists give it: a handful of variants, enough to pick one. */
const PRODUCT_SUMMARY = `fragment ProductSummary on Product {
  id title handle status vendor productType tags createdAt updatedAt totalInventory
  variants(first: 5) { nodes { id title sku price } }
}`;

/** A product in full: its options and up to 100 variants with their inventory items. */
const PRODUCT_DETAIL = `fragment ProductDetail on Product {
  id title handle status vendor productType tags descriptionHtml createdAt updatedAt totalInventory
  onlineStoreUrl templateSuffix giftCard requiresSellingPlan
  seo { title description }
  options { id name optionValues { name } }
  variants(first: 100) { nodes { id title sku price inventoryQuantity inventoryItem { id tracked } } }
}`;

export const SHOP = `query Shop {
  shop {
    id name email contactEmail myshopifyDomain url currencyCode ianaTimezone
    primaryDomain { host url }
    plan { publicDisplayName partnerDevelopment shopifyPlus }
  }
}`;

export const PRODUCTS = `query Products($first: Int, $after: String, $last: Int, $before: String, $query: String, $reverse: Boolean, $sortKey: ProductSortKeys, $savedSearchId: ID) {
  products(first: $first, after: $after, last: $last, before: $before, query: $query, reverse: $reverse, sortKey: $sortKey, savedSearchId: $savedSearchId) {
    nodes { ...ProductSummary }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}
${PRODUCT_SUMMARY}`;

export const PRODUCT = `query Product($id: ID!) {
  product(id: $id) { ...ProductDetail }
}
${PRODUCT_DETAIL}`;

/** Products created since a moment with a title: what a create that got no answer may have made. */
export const RECENT_PRODUCTS = `query RecentProducts($query: String!) {
  products(first: 5, query: $query, sortKey: CREATED_AT, reverse: true) { nodes { ...ProductDetail } }
}
${PRODUCT_DETAIL}`;

export const PRODUCT_EXISTS = `query ProductExists($id: ID!) {
  product(id: $id) { id }
}`;

export const PRODUCT_CREATE = `mutation ProductCreate($product: ProductCreateInput!) {
  productCreate(product: $product) {
    product { ...ProductDetail }
    userErrors { field message }
  }
}
${PRODUCT_DETAIL}`;

export const PRODUCT_DELETE = `mutation ProductDelete($input: ProductDeleteInput!) {
  productDelete(input: $input) {
    deletedProductId
    userErrors { field message }
  }
}`;

export const INVENTORY_ITEM = `query InventoryItem($id: ID!, $first: Int!, $after: String) {
  inventoryItem(id: $id) {
    id sku tracked
    inventoryLevels(first: $first, after: $after) {
      nodes { ...Level }
      pageInfo { hasNextPage endCursor }
    }
  }
}
${LEVEL}`;

export const INVENTORY_ITEM_AT = `query InventoryItemAt($id: ID!, $locationId: ID!) {
  inventoryItem(id: $id) {
    id sku tracked
    inventoryLevel(locationId: $locationId) { ...Level }
  }
}
${LEVEL}`;

export const INVENTORY_LEVEL = `query InventoryLevel($id: ID!) {
  inventoryLevel(id: $id) { ...Level item { id sku tracked } }
}
${LEVEL}`;

/**
 * A delta on the `available` quantity, with an idempotency key (required from 2026-04): Shopify applies
 * a retried request once and answers the first result.
 */
export const INVENTORY_ADJUST = `mutation InventoryAdjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
  inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
    inventoryAdjustmentGroup {
      id createdAt reason
      changes { name delta quantityAfterChange item { id } location { id name } }
    }
    userErrors { field message code }
  }
}`;

export const INVENTORY_ITEM_UPDATE = `mutation InventoryItemUpdate($id: ID!, $input: InventoryItemInput!) {
  inventoryItemUpdate(id: $id, input: $input) {
    inventoryItem { id sku tracked }
    userErrors { field message }
  }
}`;

export const VARIANT = `query Variant($id: ID!, $first: Int!) {
  productVariant(id: $id) {
    id title sku
    product { id title }
    inventoryItem {
      id sku tracked
      inventoryLevels(first: $first) { nodes { ...Level } pageInfo { hasNextPage endCursor } }
    }
  }
}
${LEVEL}`;
