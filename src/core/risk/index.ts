/**
 * Risk of low results and unfavourable conditions (§4): factors R1–R6, score, level,
 * ШНОР/ШНСУ, and the import of FIOKO risk profiles.
 */
export * from "./factors";
export * from "./score";
export * from "./profiles-sheet";
export * from "./names";
