/**
 * Places: the division gazetteer, zones defined in text, and LOCATED_IN for tasks.
 * Entry points other loaders use.
 */
export {
  resolveDivision,
  divisionById,
  parentOf,
  divisionNodes,
  districtNode,
  ancestry,
  isWithin,
  GAZETTEER_VINTAGE,
} from './gazetteer.ts';
export { findPlaceMentions, type PlaceMention, type MatchOptions } from './matcher.ts';
export { findZoneDefinitions, parseMemberList, type ZoneDefinition } from './zones.ts';
export { extractPlaces, placesIn, type LocatedPlace } from './extract.ts';
