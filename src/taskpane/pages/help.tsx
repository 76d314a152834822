/** «Справка»: what the add-in does, its custom functions and the shape of their inputs. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { QuestionCircleRegular } from "@fluentui/react-icons";
import translations from "../../functions/functions.ru.json";
import { helpFunctions, type TranslationEntry } from "./helpData";
import { Paragraph } from "../shared/EmptyState";
import type { PageDef } from "../shared/page-types";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  fn: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  params: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
});

const FUNCTIONS = helpFunctions(translations as Record<string, TranslationEntry>);

function HelpPage() {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <Paragraph>
        «МСОКО для Excel» превращает таблицы, которыми обмениваются школы и управление образования, в систему оценки
        качества: показатели результатов, признаки необъективности, риски низких результатов, управленческий цикл и
        муниципальные своды — с объяснением каждого числа. Данные не покидают компьютер; участники указываются только
        кодами.
      </Paragraph>
      <Accordion multiple collapsible defaultOpenItems={["pages"]}>
        <AccordionItem value="pages">
          <AccordionHeader as="h3">Страницы панели</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              <li>
                <Text>
                  <b>Форма ОО</b> — стандартная форма муниципалитета для школы.
                </Text>
              </li>
              <li>
                <Text>
                  <b>Проверка</b> — ошибки формы с листом и ячейкой.
                </Text>
              </li>
              <li>
                <Text>
                  <b>Анализ ОО</b> — листы анализа результатов школы по заполненной форме.
                </Text>
              </li>
              <li>
                <Text>
                  <b>Свод</b> — сведение форм школ в муниципальный свод.
                </Text>
              </li>
              <li>
                <Text>
                  <b>Цикл</b> — управленческий цикл по восьми направлениям МСОКО.
                </Text>
              </li>
              <li>
                <Text>
                  <b>Методика</b> — пороги и веса, которые использует надстройка.
                </Text>
              </li>
            </ul>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="functions">
          <AccordionHeader as="h3">Функции МСОКО</AccordionHeader>
          <AccordionPanel>
            <Paragraph>
              Функции работают в любой книге Microsoft 365 или Excel 2021 и новее. Доли возвращаются в процентах
              (0–100): 58,4 означает 58,4 %. Динамика — в процентных пунктах.
            </Paragraph>
            <ul className={styles.list} data-testid="help-functions">
              {FUNCTIONS.map((f) => (
                <li key={f.english} className={styles.fn}>
                  <Text className={styles.code} weight="semibold">
                    ={f.signature}
                  </Text>
                  <Text size={200}>в английском Excel: {f.english}</Text>
                  <Text>{f.description}</Text>
                  {f.parameters.length > 0 && (
                    <ul className={styles.params}>
                      {f.parameters.map((p) => (
                        <li key={p.name}>
                          <Text size={200}>
                            <i>{p.name}</i> — {p.description}
                          </Text>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
        <AccordionItem value="inputs">
          <AccordionHeader as="h3">Форма входных данных</AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list}>
              <li>
                <Text>
                  <b>Одна строка из 4–5 ячеек</b> — количества отметок «5», «4», «3», «2» [, «1»]; пустая ячейка = 0.
                </Text>
              </li>
              <li>
                <Text>
                  <b>Один столбец</b> (или одна ячейка) — отметки участников, по одной в строке.
                </Text>
              </li>
              <li>
                <Text>
                  Пустые ячейки и «отс» (отсутствовал) не учитываются. «Н/а» тоже не учитывается, а если в методике
                  включён параметр «Считать «н/а» участником с отметкой «1»» — считается отметкой «1».
                </Text>
              </li>
              <li>
                <Text>Числа, сохранённые как текст («4», «3,0», «1 234»), принимаются.</Text>
              </li>
              <li>
                <Text>
                  Другое значение — ошибка #ЗНАЧ! с указанием строки и столбца внутри диапазона; нет ни одного участника
                  — #Н/Д с пояснением.
                </Text>
              </li>
              <li>
                <Text>Диапазон другой формы (например, 2×2) — ошибка с перечнем допустимых форм.</Text>
              </li>
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}

export const helpPage: PageDef = {
  id: "help",
  navLabel: "Справка",
  title: "Справка",
  icon: QuestionCircleRegular,
  Component: HelpPage,
};
