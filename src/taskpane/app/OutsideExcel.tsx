/**
 * What taskpane.html shows when opened in an ordinary browser tab instead of Excel: where the
 * add-in runs and a link to the preview, instead of a pane whose every read would fail.
 */
import { Link, Text, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    overflowWrap: "anywhere",
  },
  title: { margin: 0 },
  p: { margin: 0 },
});

export function OutsideExcel() {
  const styles = useStyles();
  return (
    <div className={styles.box} role="alert">
      <Text as="h1" size={500} weight="semibold" className={styles.title}>
        МСОКО для Excel
      </Text>
      <Text as="p" className={styles.p}>
        Эта страница — панель надстройки, она работает внутри Excel (Microsoft 365, Excel 2021 и новее, Excel в
        браузере). Загрузите надстройку в Excel: «Вставка → Надстройки → Мои надстройки → Загрузить мою надстройку»,
        файл manifest.xml.
      </Text>
      <Text as="p" className={styles.p}>
        Посмотреть панель без Excel можно в <Link href="preview.html">предпросмотре</Link>.
      </Text>
    </div>
  );
}
