// Where the user is, from the country down: each step a link back up.
import { Link } from 'react-router';

export function Breadcrumbs({ items }: { items: { label: string; to?: string }[] }) {
  return (
    <nav aria-label="breadcrumbs" className="breadcrumbs">
      <ol>
        {items.map((item, i) => (
          <li key={`${item.to ?? ''}|${item.label}`}>
            {item.to && i < items.length - 1 ? (
              <Link to={item.to}>{item.label}</Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
