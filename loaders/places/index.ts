/**
 * Places: zones defined in text and LOCATED_IN for tasks. Entry points other loaders use; the division
 * gazetteer itself is loaders/gazetteer/.
 */
export { findZoneDefinitions, parseMemberList, type ZoneDefinition } from './zones.ts';
export { extractPlaces, placesIn, type LocatedPlace } from './extract.ts';
