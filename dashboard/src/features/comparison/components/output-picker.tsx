import type { OutputChoice } from "@/features/comparison/lib/run-outputs";

export interface OutputPickerProps {
  choices: OutputChoice[];
  runCount: number;
  step: string;
  output: string;
  onChange: (step: string, output: string) => void;
}

/** Which step's output to show side by side: a step, then one of its outputs. */
export function OutputPicker({ choices, runCount, step, output, onChange }: OutputPickerProps) {
  const steps = [...new Set(choices.map((choice) => choice.step))];
  const outputs = choices.filter((choice) => choice.step === step);
  return (
    <div className="row compare-chart-bar">
      <label className="row compare-select">
        <span className="muted">Step</span>
        <select
          className="select"
          aria-label="Step"
          value={step}
          onChange={(event) => {
            const first = choices.find((choice) => choice.step === event.target.value);
            if (first) onChange(first.step, first.output);
          }}
        >
          {steps.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="row compare-select">
        <span className="muted">Output</span>
        <select
          className="select"
          aria-label="Output"
          value={output}
          onChange={(event) => onChange(step, event.target.value)}
        >
          {outputs.map((choice) => (
            <option key={choice.output} value={choice.output}>
              {choice.output}
              {choice.runCount < runCount ? ` (in ${choice.runCount} of ${runCount} runs)` : ""}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
