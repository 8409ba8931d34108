import { Box, Text } from 'ink';
import { terminalSafe } from '../io.ts';
import type { Line } from './layout.ts';

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off; bold and inverse stay. */
export function colourOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.NO_COLOR;
}

/** Renders pre-wrapped lines, one <Text> per line, so the height is exactly `lines.length`. */
export function Lines({ lines }: { lines: Line[] }) {
  const colour = colourOn();
  return (
    <Box flexDirection="column">
      {lines.map((l, i) => (
        <Text key={i} wrap="truncate-end">
          {l.length === 0
            ? ' '
            : l.map((s, j) => (
                <Text
                  key={j}
                  color={colour ? s.color : undefined}
                  bold={s.bold}
                  dimColor={s.dim}
                  inverse={s.inverse}
                >
                  {/* Scenario and transcript texts may hold escape sequences: none reaches the terminal. */}
                  {terminalSafe(s.t)}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
