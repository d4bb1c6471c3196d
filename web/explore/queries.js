// The GraphQL the explorer sends, in one place: when the schema changes (paged lists, counts),
// this file is the one to adapt. They stay under the server's cost limit (api/explore/queries.test.ts).
// A district's picture asks for the 25 busiest bodies and 10 tasks of each (the server's default
// is 100 bodies, and every task's places and assignments would price 100 bodies at 63,202 objects,
// over the cost limit); a body's picture takes the default 100 tasks. The counts say when a list
// was cut, and the page says so.
/* exported PlanGraphQueries */
var PlanGraphQueries = (function () {
  var task = [
    'fragment ExploreTask on Task {',
    '  id ref title kind',
    '  plan { id title }',
    '  locations { district { id name level } evidence { document line quote } }',
    '  assignments { role department { id } evidence { document line quote } }',
    '  evidence { document line quote }',
    '}',
  ].join('\n');

  return {
    district: [
      'query ExploreDistrict($name: String!, $includeDescendants: Boolean, $includeEnclosing: Boolean, $includeSupporting: Boolean) {',
      '  district(name: $name) {',
      '    id name code level aliases',
      '    parent { id name }',
      '    leadingDepartments(includeDescendants: $includeDescendants, includeEnclosing: $includeEnclosing, includeSupporting: $includeSupporting, first: 25, tasksFirst: 10) {',
      '      role taskCount',
      '      department { id name }',
      '      tasks { ...ExploreTask }',
      '    }',
      '  }',
      '}',
      task,
    ].join('\n'),

    /** Names to offer while typing: places and bodies the full-text search finds. */
    suggest: [
      'query ExploreSuggest($text: String!) {',
      '  search(text: $text, first: 12) {',
      '    __typename',
      '    ... on District { name code }',
      '    ... on Department { name }',
      '  }',
      '}',
    ].join('\n'),

    department: [
      'query ExploreBody($name: String!, $includeSupporting: Boolean!) {',
      '  department(name: $name) {',
      '    id name aliases leadCount',
      '    supportCount @include(if: $includeSupporting)',
      '    jurisdiction { id name }',
      '    leads { ...ExploreTask }',
      '    supports @include(if: $includeSupporting) { ...ExploreTask }',
      '  }',
      '}',
      task,
    ].join('\n'),
  };
})();
