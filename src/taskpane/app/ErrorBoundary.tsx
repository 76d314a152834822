/**
 * Keeps a rendering defect from leaving a blank pane: the part that failed is replaced by a
 * Russian message and «Попробовать снова» (which renders it afresh). The shell wraps the whole
 * pane and, separately, the current page, so a broken page leaves the navigation usable.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular } from "@fluentui/react-icons";
import { describeError } from "../shared/errors";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    margin: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteRedBorder2}`,
    backgroundColor: tokens.colorPaletteRedBackground1,
    overflowWrap: "anywhere",
  },
  title: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    color: tokens.colorPaletteRedForeground1,
  },
});

export function ErrorFallback({ error, where, onRetry }: { error: unknown; where: string; onRetry(): void }) {
  const styles = useStyles();
  return (
    <div role="alert" className={styles.box} data-testid="error-fallback">
      <Text weight="semibold" className={styles.title}>
        <ErrorCircleRegular aria-hidden />
        Не удалось показать {where}
      </Text>
      <Text>{describeError(error)}</Text>
      <Text size={200}>
        Нажмите «Попробовать снова». Если ошибка повторится, закройте и снова откройте панель и сообщите текст ошибки
        тому, кто сопровождает надстройку.
      </Text>
      <Button appearance="primary" onClick={onRetry}>
        Попробовать снова
      </Button>
    </div>
  );
}

interface Props {
  /** Genitive phrase: «панель», «страницу «Методика»». */
  where: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  override state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is the only place a user can copy the stack from when reporting a defect.
    console.error(`МСОКО: ошибка при показе (${this.props.where})`, error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: null, failed: false });

  override render() {
    if (this.state.failed)
      return <ErrorFallback error={this.state.error} where={this.props.where} onRetry={this.retry} />;
    return this.props.children;
  }
}
