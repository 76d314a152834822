/**
 * «Управленческий цикл»: placeholder until the cycle page (src/taskpane/cycle/, engineer F)
 * replaces this module's entry in the registry.
 */
import { ArrowRepeatAllRegular } from "@fluentui/react-icons";
import { EmptyState, Paragraph } from "./EmptyState";
import type { PageDef } from "./types";

function CyclePage() {
  return (
    <EmptyState
      icon={ArrowRepeatAllRegular}
      title="Оценка управленческого цикла появится здесь."
      needs={[
        "перечень направлений и треков МСОКО вашего муниципалитета;",
        "по каждому компоненту цикла — подтверждающий документ (номер и дата) или плановый срок.",
      ]}
      inDevelopment
    >
      <Paragraph>
        По каждому из восьми направлений МСОКО панель оценит девять компонентов цикла — от целей и показателей до анализа
        эффективности принятых мер — и покажет, замкнут ли цикл или на каком этапе разрыв, а также просроченные
        мероприятия.
      </Paragraph>
    </EmptyState>
  );
}

export const cyclePage: PageDef = {
  id: "cycle",
  navLabel: "Цикл",
  title: "Управленческий цикл",
  icon: ArrowRepeatAllRegular,
  Component: CyclePage,
};
