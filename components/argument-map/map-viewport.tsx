"use client";

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from "react";

type Box = [number, number, number, number];

const ZOOM_STEP = 1.5;
const PAN_STEP = 0.2;

/**
 * Zoom and pan for the server-drawn map, by moving the SVG's viewBox (the drawing stays crisp at every scale):
 * buttons, the keyboard (+ and − zoom, arrow keys pan, 0 resets) when the map has focus, the wheel and dragging.
 * Without JavaScript the same SVG is a static picture whose links work, and the buttons are not shown.
 */
export function MapViewport({ viewBox, label, children }: { viewBox: Box; label: string; children: ReactNode }) {
  const [box, setBox] = useState<Box>(viewBox);
  const [ready, setReady] = useState(false);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ x: number; y: number; moved: boolean } | null>(null);
  const [, , full] = viewBox;

  const zoom = (factor: number) => setBox((b) => zoomed(b, factor, [b[0] + b[2] / 2, b[1] + b[3] / 2], full));
  const pan = (dx: number, dy: number) => setBox(([x, y, w, h]) => [x + dx * w, y + dy * h, w, h]);
  const reset = () => setBox(viewBox);

  useEffect(() => setReady(true), []);

  // React's wheel listener is passive; a non-passive one may keep the page from scrolling while zooming.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const point = toDrawing(svg, event.clientX, event.clientY);
      setBox((b) => zoomed(b, event.deltaY < 0 ? 1.2 : 1 / 1.2, point, full));
    };
    svg.addEventListener("wheel", onWheel, { passive: false });
    return () => svg.removeEventListener("wheel", onWheel);
  }, [full]);

  const onKeyDown = (event: KeyboardEvent) => {
    const actions: Record<string, () => void> = {
      "+": () => zoom(ZOOM_STEP),
      "=": () => zoom(ZOOM_STEP),
      "-": () => zoom(1 / ZOOM_STEP),
      "0": reset,
      ArrowLeft: () => pan(-PAN_STEP, 0),
      ArrowRight: () => pan(PAN_STEP, 0),
      ArrowUp: () => pan(0, -PAN_STEP),
      ArrowDown: () => pan(0, PAN_STEP),
    };
    const action = actions[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    action();
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, moved: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const svg = svgRef.current;
    if (!start || !svg) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.moved && Math.hypot(dx, dy) < 4) return;
    if (!start.moved) svg.setPointerCapture(event.pointerId);
    start.moved = true;
    start.x = event.clientX;
    start.y = event.clientY;
    const scale = box[2] / svg.getBoundingClientRect().width;
    setBox(([x, y, w, h]) => [x - dx * scale, y - dy * scale, w, h]);
  };
  const onPointerUp = () => {
    // A drag that ends on a node is not a click on it. The click, if any, comes right after pointerup.
    if (drag.current?.moved) {
      const swallow = (e: MouseEvent) => e.preventDefault();
      window.addEventListener("click", swallow, { capture: true, once: true });
      setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
    }
    drag.current = null;
  };

  const button = "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-600";
  return (
    <div className="space-y-2">
      {ready && (
        <div role="group" aria-label="Zoom and pan the map" className="flex flex-wrap gap-1.5">
          <button type="button" className={button} onClick={() => zoom(ZOOM_STEP)}>
            Zoom in
          </button>
          <button type="button" className={button} onClick={() => zoom(1 / ZOOM_STEP)}>
            Zoom out
          </button>
          <button type="button" className={button} onClick={() => pan(-PAN_STEP, 0)} aria-label="Pan left">
            ←
          </button>
          <button type="button" className={button} onClick={() => pan(PAN_STEP, 0)} aria-label="Pan right">
            →
          </button>
          <button type="button" className={button} onClick={() => pan(0, -PAN_STEP)} aria-label="Pan up">
            ↑
          </button>
          <button type="button" className={button} onClick={() => pan(0, PAN_STEP)} aria-label="Pan down">
            ↓
          </button>
          <button type="button" className={button} onClick={reset}>
            Reset view
          </button>
        </div>
      )}
      {/* The keyboard shortcuts act while focus is anywhere in the map, on a node link too. */}
      <div onKeyDown={onKeyDown} className="overflow-hidden rounded-lg border border-slate-200 bg-white">
        <svg
          ref={svgRef}
          viewBox={box.map((n) => Math.round(n * 10) / 10).join(" ")}
          role="group"
          aria-label={label}
          tabIndex={0}
          data-testid="argument-map"
          className="block aspect-square max-h-[80vh] w-full select-none focus-visible:outline-2 focus-visible:outline-blue-600"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          {children}
        </svg>
      </div>
    </div>
  );
}

/** `box` magnified by `factor` around the drawing's point (cx, cy), between the whole map and 12×. */
function zoomed([x, y, w]: Box, factor: number, [cx, cy]: [number, number], full: number): Box {
  const size = Math.min(full, Math.max(full / 12, w / factor));
  return [cx - ((cx - x) * size) / w, cy - ((cy - y) * size) / w, size, size];
}

/** Screen coordinates to the drawing's. */
function toDrawing(svg: SVGSVGElement, clientX: number, clientY: number): [number, number] {
  const matrix = svg.getScreenCTM();
  if (!matrix) return [0, 0];
  const point = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
  return [point.x, point.y];
}
