const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400],
  ["month", 30 * 86_400],
  ["day", 86_400],
  ["hour", 3_600],
  ["minute", 60],
];
const formatter = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 hours ago", with the exact UTC time in the title and the datetime attribute. */
export function RelativeTime({ date, now = new Date() }: { date: Date; now?: Date }) {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const unit = UNITS.find(([, size]) => Math.abs(seconds) >= size);
  const label = unit ? formatter.format(Math.round(seconds / unit[1]), unit[0]) : "just now";
  return (
    <time dateTime={date.toISOString()} title={date.toUTCString()}>
      {label}
    </time>
  );
}
