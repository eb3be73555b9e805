import { ApiError, describeError } from '../../api/client'

/** Shows what went wrong, as the server said it, with every problem it listed (naming the step and field). */
export default function ErrorAlert({ error, intro }: { error: unknown; intro?: string }) {
  const problems = error instanceof ApiError ? (error.problem.errors ?? []) : []
  return (
    <div role="alert" className="alert error">
      {intro && <p className="alert-intro">{intro}</p>}
      <p>{describeError(error)}</p>
      {problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li key={i}>
              {(p.activityId || p.field) && (
                <strong>
                  {[p.activityId && `Step '${p.activityId}'`, p.field].filter(Boolean).join(', ')}:{' '}
                </strong>
              )}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
