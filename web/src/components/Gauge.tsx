// A score ring like Lighthouse's: 0–100, coloured by band, the number inside; readable by screen readers.
const band = (score: number) => (score >= 80 ? '#1a7f37' : score >= 50 ? '#8a5a00' : '#b42318');

export function Gauge({ score, label, size = 96 }: { score: number | null; label: string; size?: number }) {
  const r = 42;
  const circumference = 2 * Math.PI * r;
  const share = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  const text = score === null ? '—' : String(Math.round(score));
  return (
    <figure className="gauge" style={{ width: Math.max(size, 92) }}>
      <svg viewBox="0 0 100 100" width={size} height={size} role="img" aria-label={`${label}: ${text}`}>
        <circle
          cx="50"
          cy="50"
          r={r}
          fill="none"
          stroke="var(--vkui--color_separator_primary)"
          strokeWidth="8"
        />
        {score !== null && (
          <circle
            cx="50"
            cy="50"
            r={r}
            fill="none"
            stroke={band(score)}
            strokeWidth="8"
            strokeLinecap="round"
            strokeDasharray={`${share * circumference} ${circumference}`}
            transform="rotate(-90 50 50)"
          />
        )}
        <text x="50" y="57" textAnchor="middle" fontSize="24" fontWeight="600" fill="currentColor">
          {text}
        </text>
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}
