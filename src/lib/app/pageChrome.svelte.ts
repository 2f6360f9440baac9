// What the page shows around the views: the tour (tour=1 opens it), the shortcuts sheet, the
// settings drawer and the Reset question. The tour's steps open their view or the drawer.

import { tourPlace } from '../panels/views';
import type { HideablePart, PageView } from '../settings';

export interface ChromeLinks {
  hide: () => readonly HideablePart[];
  showView: (view: PageView) => void;
  /** The tour closed: a reload should not open it again. */
  tourClosed: () => void;
}

export class PageChrome {
  tourOpen = $state(false);
  tourStep = $state(0);
  shortcutsOpen = $state(false);
  settingsOpen = $state(false);
  /** Reset was asked for while a run trains: the page asks before discarding it. */
  confirmingReset = $state(false);
  #drawerByTour = false;

  constructor(
    tourAtStart: boolean,
    private readonly links: ChromeLinks,
  ) {
    this.tourOpen = tourAtStart;
  }

  openTour(): void {
    this.shortcutsOpen = false;
    this.tourStep = 0;
    this.tourOpen = true;
  }

  closeTour(): void {
    this.tourOpen = false;
    // The drawer the tour opened for its last step closes with it.
    if (this.#drawerByTour) this.settingsOpen = false;
    this.#drawerByTour = false;
    this.links.tourClosed();
  }

  /** Whether the page has a tour step's target (a link can hide it). */
  hasTourTarget(selector: string): boolean {
    return tourPlace(selector, this.links.hide()) !== null;
  }

  /** Brings a tour step's target on screen: its view, or the settings drawer. */
  revealTourTarget(selector: string): void {
    const place = tourPlace(selector, this.links.hide());
    this.settingsOpen = place?.kind === 'drawer';
    this.#drawerByTour = this.settingsOpen;
    if (place?.kind === 'view') this.links.showView(place.view);
  }
}
