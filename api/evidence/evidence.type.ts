import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a fact was read: the source document, the 1-based line where the supporting text starts, and that text verbatim.' })
export class Evidence {
  @Field(() => String)
  document!: string;

  @Field(() => Int)
  line!: number;

  @Field(() => String)
  quote!: string;
}

/** Provenance properties (document, line, quote) of a node or relationship row as an Evidence. */
export function evidenceOf(props: Record<string, unknown>): Evidence {
  return {
    document: typeof props.document === 'string' ? props.document : '',
    line: typeof props.line === 'number' ? props.line : Number(props.line ?? 0) || 0,
    quote: typeof props.quote === 'string' ? props.quote : String(props.title ?? props.name ?? ''),
  };
}

/** Evidence when the fact was read from text; null for facts from a gazetteer (they carry `source`). */
export function optionalEvidenceOf(props: Record<string, unknown>): Evidence | null {
  return typeof props.document === 'string' && props.document !== '' ? evidenceOf(props) : null;
}
