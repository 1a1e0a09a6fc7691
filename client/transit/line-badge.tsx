import type { CSSProperties } from 'react';

interface LineBadgeProps {
  /** The line's short name ("T1", "BW2", "7"). */
  name: string;
  colour: string;
  textColour: string;
}

/** A line as riders know it: its short name on its colour, as on the stops' signs. */
export function LineBadge({ name, colour, textColour }: LineBadgeProps) {
  return (
    <bdi className="line-badge" dir="ltr" style={{ '--line-colour': colour, '--line-text': textColour } as CSSProperties}>
      {name}
    </bdi>
  );
}
