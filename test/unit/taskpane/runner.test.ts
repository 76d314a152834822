import { describe, expect, it } from "vitest";
import {
  createOperationRunner,
  progressFraction,
  progressText,
  stepLabel,
  type ReportProgress,
} from "../../../src/taskpane/operation/runner";
import { InputError } from "../../../src/core/errors";

/** A task that waits for the test to release each step, honouring the abort signal. */
function steppedTask(steps: number) {
  const gates: (() => void)[] = [];
  let report: ReportProgress = () => undefined;
  const task = async (progress: ReportProgress, signal: AbortSignal) => {
    report = progress;
    for (let i = 1; i <= steps; i++) {
      progress({ done: i - 1, total: steps, label: stepLabel("Файл", i, steps) });
      await new Promise<void>((resolve, reject) => {
        gates.push(resolve);
        signal.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    }
    return steps;
  };
  const release = async () => {
    gates.shift()?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { task, release, report: (p: Parameters<ReportProgress>[0]) => report(p) };
}

describe("progress text", () => {
  it("writes «Файл 3 из 25» and falls back to «N из M»", () => {
    expect(stepLabel("Файл", 3, 25)).toBe("Файл 3 из 25");
    expect(progressText({ done: 2, total: 5 })).toBe("2 из 5");
    expect(progressText({ done: 7, total: 0 })).toBe("Выполнено: 7");
    expect(progressText(null)).toBe("Подготовка…");
    expect(progressText({ done: 1, total: 2, label: "Школа 2 из 2" })).toBe("Школа 2 из 2");
  });

  it("gives the bar a fraction, or none when the total is unknown", () => {
    expect(progressFraction({ done: 1, total: 4 })).toBe(0.25);
    expect(progressFraction({ done: 9, total: 4 })).toBe(1);
    expect(progressFraction({ done: 3, total: 0 })).toBeUndefined();
    expect(progressFraction(null)).toBeUndefined();
  });
});

describe("operation runner", () => {
  it("runs a task to the end, showing progress on the way", async () => {
    const runner = createOperationRunner();
    const t = steppedTask(2);
    const seen: string[] = [];
    runner.subscribe(() => {
      const s = runner.getState();
      if (s.status === "running") seen.push(progressText(s.progress));
    });
    const result = runner.run("Сведение", t.task, { doneMessage: (n) => `Сведено файлов: ${n}.` });
    await t.release();
    await t.release();
    expect(await result).toEqual({ status: "done", value: 2 });
    expect(seen).toEqual(["Подготовка…", "Файл 1 из 2", "Файл 2 из 2"]);
    expect(runner.getState()).toEqual({ status: "done", title: "Сведение", message: "Сведено файлов: 2." });
  });

  it('leaves the status area empty when the page shows the result itself (doneMessage "")', async () => {
    const runner = createOperationRunner();
    const result = await runner.run("Проверка формы", async () => 3, { doneMessage: () => "" });
    expect(result).toEqual({ status: "done", value: 3 });
    expect(runner.getState()).toEqual({ status: "idle" });
  });

  it("clamps reported progress into 0…total", async () => {
    const runner = createOperationRunner();
    const t = steppedTask(1);
    const result = runner.run("Запись", t.task);
    t.report({ done: 12, total: 10 });
    expect(runner.getState()).toMatchObject({ status: "running", progress: { done: 10, total: 10 } });
    t.report({ done: -3, total: 10 });
    expect(runner.getState()).toMatchObject({ progress: { done: 0, total: 10 } });
    await t.release();
    await result;
  });

  it("cancels through the AbortSignal and ignores progress reported afterwards", async () => {
    const runner = createOperationRunner();
    const t = steppedTask(5);
    const result = runner.run("Сведение", t.task);
    await t.release();
    runner.cancel();
    expect(runner.getState()).toMatchObject({ status: "running", cancelling: true });
    expect(await result).toEqual({ status: "cancelled" });
    expect(runner.getState()).toEqual({ status: "cancelled", title: "Сведение", message: "«Сведение»: отменено." });
    t.report({ done: 4, total: 5 });
    expect(runner.getState().status).toBe("cancelled");
  });

  it("reports a failure in Russian, keeping a domain error's own message", async () => {
    const runner = createOperationRunner();
    const r1 = await runner.run("Проверка", async () => {
      throw new InputError("Лист «Паспорт ОО», ячейка B3: пусто, ожидается логин ФИС ОКО.");
    });
    expect(r1).toMatchObject({
      status: "failed",
      message: "Лист «Паспорт ОО», ячейка B3: пусто, ожидается логин ФИС ОКО.",
    });
    const r2 = await runner.run("Проверка", async () => {
      throw new TypeError("x is undefined");
    });
    expect(r2).toMatchObject({ status: "failed", message: "Непредвиденная ошибка: x is undefined" });
    expect(runner.getState()).toEqual({
      status: "failed",
      title: "Проверка",
      message: "Непредвиденная ошибка: x is undefined",
    });
  });

  it("refuses a second operation while one runs, without disturbing it", async () => {
    const runner = createOperationRunner();
    const t = steppedTask(1);
    const first = runner.run("Сведение", t.task);
    const second = await runner.run("Запись", async () => 1);
    expect(second).toEqual({
      status: "busy",
      message: "Уже выполняется «Сведение». Дождитесь окончания или отмените её.",
    });
    expect(runner.getState()).toMatchObject({ status: "running", title: "Сведение" });
    await t.release();
    expect(await first).toEqual({ status: "done", value: 1 });
  });

  it("dismisses a finished message but never a running operation", async () => {
    const runner = createOperationRunner();
    await runner.run("Запись", async () => 0);
    runner.dismiss();
    expect(runner.getState()).toEqual({ status: "idle" });
    const t = steppedTask(1);
    const running = runner.run("Сведение", t.task);
    runner.dismiss();
    expect(runner.getState().status).toBe("running");
    await t.release();
    await running;
  });

  it("a cancel with nothing running changes nothing", () => {
    const runner = createOperationRunner();
    runner.cancel();
    expect(runner.getState()).toEqual({ status: "idle" });
  });
});
