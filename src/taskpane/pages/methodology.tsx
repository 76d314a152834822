/**
 * «Методика»: the effective methodology parameters, read-only, grouped by section, each with its
 * value, unit, rule § and provenance tag — so a methodist can see which numbers the add-in uses.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Text, makeStyles, tokens } from "@fluentui/react-components";
import { BookInformationRegular } from "@fluentui/react-icons";
import { DEFAULT_PROFILE, TAG_LABELS, type Profile, type Tag } from "../../core/profile";
import { OVERRIDE_LABEL, methodologySections } from "../methodology/rows";
import { Paragraph } from "./EmptyState";
import type { PageDef } from "./types";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  meta: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS },
  value: { fontWeight: tokens.fontWeightSemibold },
  legend: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  heading: { margin: 0 },
});

function MethodologyPage({ profile = DEFAULT_PROFILE }: { profile?: Profile }) {
  const styles = useStyles();
  const sections = methodologySections(profile);
  return (
    <>
      <Paragraph>
        Профиль методики <b>{profile.version}</b>
        {profile.overridden.size === 0 ? " (значения по умолчанию)" : ""}. Здесь только просмотр: муниципалитет может
        переопределить значения в листе настроек книги.
      </Paragraph>
      <Accordion multiple collapsible defaultOpenItems={[sections[0]?.section]}>
        {sections.map(({ section, rows }) => (
          <AccordionItem key={section} value={section}>
            <AccordionHeader as="h3">{section}</AccordionHeader>
            <AccordionPanel>
              <ul className={styles.list}>
                {rows.map((r) => (
                  <li key={r.key} className={styles.item} data-param={r.key}>
                    <Text>{r.label}</Text>
                    <span className={styles.meta}>
                      <Text className={styles.value}>{r.value}</Text>
                      {/* The legend below explains every tag; the title repeats it for mouse users. */}
                      <Badge appearance="outline" color={r.tag === "OVERRIDE" ? "warning" : "informative"} title={r.tagLabel}>
                        {r.tag}
                      </Badge>
                      <Text size={200}>{r.rule}</Text>
                    </span>
                  </li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
      <Text as="h3" weight="semibold" block className={styles.heading}>
        Теги происхождения
      </Text>
      <ul className={styles.legend}>
        {(Object.keys(TAG_LABELS) as Tag[]).map((t) => (
          <li key={t}>
            <Text>
              [{t}] — {TAG_LABELS[t]}
            </Text>
          </li>
        ))}
        {profile.overridden.size > 0 && (
          <li>
            <Text>[OVERRIDE] — {OVERRIDE_LABEL}</Text>
          </li>
        )}
      </ul>
    </>
  );
}

export const methodologyPage: PageDef = {
  id: "methodology",
  navLabel: "Методика",
  title: "Методика",
  icon: BookInformationRegular,
  Component: () => <MethodologyPage />,
};
