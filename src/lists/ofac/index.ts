/**
 * The OFAC SDN importer (legacy CSV: sdn.csv, alt.csv, add.csv, sdn_comments.csv, plus metadata.json):
 * read-legacy-csv → parse-sdn-files → parse-sdn-remarks → map-ofac-entity → load-ofac-list. Nothing else in this
 * folder is meant to be imported from outside it.
 */
export { OFAC_DATASET_ID } from './map-ofac-entity';
export { OFAC_DATASET_NAME, readOfacSdnFiles, readOfacSdnZip, type ReadOfacOptions } from './load-ofac-list';
export { zipOfacDirectory, type OfacSdnFiles } from './ofac-zip';
