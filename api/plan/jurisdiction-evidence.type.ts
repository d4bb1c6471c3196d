import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "One reason for a plan's jurisdiction: the line and text it was read from and what kind of clue it is." })
export class JurisdictionEvidence {
  @Field(() => Int, { description: '1-based source line; 0 when the clue is the manifest, which has no line.' })
  line!: number;

  @Field(() => String)
  quote!: string;

  @Field(() => String, {
    description: 'manifest, header (X人民政府文件), issuer (X关于印发…的通知), signature, docNumber (花府办〔2026〕5号), creditCode (索引号), metadataRow (发布机构), title, body (全区/我区).',
  })
  kind!: string;
}

/** The Plan node stores the list as three parallel lists (Neo4j properties hold no maps). */
export function jurisdictionEvidenceOf(props: Record<string, unknown>): JurisdictionEvidence[] {
  const lines = Array.isArray(props.jurisdictionEvidenceLines) ? props.jurisdictionEvidenceLines : [];
  const quotes = Array.isArray(props.jurisdictionEvidenceQuotes) ? props.jurisdictionEvidenceQuotes : [];
  const kinds = Array.isArray(props.jurisdictionEvidenceKinds) ? props.jurisdictionEvidenceKinds : [];
  const n = Math.min(lines.length, quotes.length, kinds.length);
  return Array.from({ length: n }, (_, i) => ({ line: Number(lines[i]) || 0, quote: String(quotes[i]), kind: String(kinds[i]) }));
}
