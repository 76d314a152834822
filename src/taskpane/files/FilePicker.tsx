/**
 * A button that opens the system's file dialog for .xlsx files (several at once). The input
 * itself is hidden; the button is what keyboard and screen-reader users reach.
 */
import { useRef, type ReactElement } from "react";
import { Button } from "@fluentui/react-components";

export interface FilePickerProps {
  label: string;
  icon: ReactElement;
  disabled?: boolean;
  /** data-testid of the hidden input (browser tests set files on it). */
  testId: string;
  onFiles(files: File[]): void;
}

export function FilePicker({ label, icon, disabled, testId, onFiles }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept=".xlsx"
        hidden
        data-testid={testId}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          if (files.length) onFiles(files);
        }}
      />
      <Button icon={icon} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
