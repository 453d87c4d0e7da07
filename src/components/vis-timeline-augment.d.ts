// A method vis-timeline documents (its "visible groups" example) but its type declarations leave out.
import type { IdType } from 'vis-timeline/esnext';

declare module 'vis-timeline/esnext' {
  interface Timeline {
    /** The ids of the groups (lanes) vis-timeline found in view at its latest redraw. */
    getVisibleGroups(): IdType[];
  }
}
