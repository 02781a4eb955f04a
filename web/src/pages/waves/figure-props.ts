import type { QuestionResult } from '../../api/results';
import type { Measure } from '../../components/charts/datasets';

/** What every view of a question's figures gets. */
export interface FigureProps {
  q: QuestionResult;
  min: number;
  measure: Measure;
  /** This wave's title, the first column of figures. */
  title: string;
  compare?: { title: string; q: QuestionResult | undefined };
  /** Draw charts for print (the report): see Chart's printRatio. */
  printRatio?: number;
  /** Show the tables beside the charts unfolded (the report: its figures belong in the page's text). */
  tablesOpen?: boolean;
  /** The level of the question's own heading; a view's headings go below it. */
  level: number;
}
