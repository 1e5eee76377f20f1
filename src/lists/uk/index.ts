/**
 * The UK consolidated list of financial sanctions targets (OFSI), XLSX or CSV: read → parse rows → map each
 * Group ID into the canonical entity model. Other folders import only from here.
 */
export { loadUkConsolidatedList, readUkConsolidatedList, UK_DATASET_NAME } from './load-uk-list';
export { UK_CONSOLIDATED_LIST_URL, UK_DATASET_ID, UK_LIST_NAME } from './map-uk-entity';
