import { Link } from 'react-router-dom'
import { describeError } from '../../api/client'
import type { InstanceSummary } from '../../api/operations'
import type { DefinitionSummary, Page } from '../../api/types'
import ListStates from '../../components/ListStates'
import { useUrlFilters } from '../../components/useUrlFilters'
import { usePageTitle } from '../../layout/usePageTitle'
import InstanceFilterForm from './InstanceFilterForm'
import InstanceTable from './InstanceTable'
import { instanceFilterCodec, instancesPath } from './instanceFilters'
import Pager from './Pager'
import { useApiData } from './useApiData'
import { useCursorPages } from './useCursorPages'
import './console.css'
import './InstanceListPage.css'

/** The operations console's list of workflow instances: filters kept in the address, keyset paging. */
export default function InstanceListPage() {
  usePageTitle('Instances')
  const { filters, key: filterKey, filtered, apply } = useUrlFilters(instanceFilterCodec)
  const pages = useCursorPages(filterKey)

  const definitions = useApiData<DefinitionSummary[]>('/api/workflow-definitions')
  const list = useApiData<Page<InstanceSummary>>(instancesPath(filters, pages.cursor))
  const names = new Map(definitions.data?.map((d) => [d.id, d.name]))

  return (
    <section className="page instance-list-page">
      <div className="heading-row">
        <h1>Instances</h1>
        <button type="button" className="button secondary" onClick={list.reload} disabled={list.loading}>
          Refresh list
        </button>
      </div>
      <p className="page-intro">Every run of a workflow: what is running, waiting, finished or has failed. Open one to see the path it took.</p>
      <InstanceFilterForm filters={filters} filterKey={filterKey} definitions={definitions.data} onApply={apply} />
      {definitions.error !== undefined && (
        <p className="alert warning">The workflow names could not be loaded: {describeError(definitions.error)}</p>
      )}
      <ListStates
        data={list.data}
        error={list.error}
        onRetry={list.reload}
        failed="The instances could not be loaded"
        loading="Loading instances…"
        isEmpty={(page) => page.items.length === 0}
        empty={
          filtered || pages.pageNumber > 1 ? (
            <p>No instances match these filters. Change or clear the filters to see more.</p>
          ) : (
            <p>
              No workflow has been run yet. Start one from the <Link to="/workflows">workflow library</Link>.
            </p>
          )
        }
      >
        {(page) => (
          <>
            <InstanceTable
              instances={page.items}
              workflowNames={names}
              caption={`Instances, newest first${pages.pageNumber > 1 ? `, page ${pages.pageNumber}` : ''}`}
              showReference
            />
            <Pager
              label="Instance pages"
              pageNumber={pages.pageNumber}
              nextCursor={page.nextCursor}
              onNext={pages.next}
              onPrevious={pages.previous}
              disabled={list.loading}
            />
          </>
        )}
      </ListStates>
    </section>
  )
}
