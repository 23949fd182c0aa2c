import type { CreateParams, CreateResult, DataProvider, DeleteParams, DeleteResult, GetListParams, GetListResult, GetOneParams, GetOneResult, RaRecord, UpdateParams, UpdateResult } from 'react-admin';
import { apiFetch } from './api-fetch.js';
import type { AttachmentRecord, AvailableEvent, CaseRecord, TimelineEntry } from './types.js';

/**
 * The server answers at most this many rows per list request; longer ranges are fetched page by page.
 * @example
 * Math.ceil(1200 / SERVER_PAGE_LIMIT); // 3 requests
 */
export const SERVER_PAGE_LIMIT = 500;

// What each resource accepts on POST and PATCH (the server's schemas are strict: anything else is a 400).
const CREATE_FIELDS: Record<string, readonly string[]> = {
  cases: ['workflow', 'tenantId', 'channel', 'enterpriseId', 'data'],
  tenants: ['id', 'parentId', 'level', 'name'],
  users: ['username', 'displayName', 'password', 'roles', 'tenantId'],
  agencies: ['code', 'name', 'contact', 'tenantId'],
  enterprises: ['name', 'creditCode', 'industry', 'workers', 'tenantId'],
};
const UPDATE_FIELDS: Record<string, readonly string[]> = {
  tenants: ['name'],
  users: ['displayName', 'roles', 'password', 'active'],
  agencies: ['code', 'name', 'contact'],
  enterprises: ['name', 'creditCode', 'industry', 'workers'],
  workflows: ['definition', 'overlay'],
};

/**
 * The data provider's extra calls, beyond react-admin's CRUD: the case's timeline, events,
 * assignment and attachments.
 * @example
 * const dataProvider = useDataProvider<ShuoshiDataProvider>();
 * await dataProvider.sendEvent(id, { type: 'accept', version: 3 });
 */
export interface ShuoshiDataProvider extends DataProvider {
  caseTimeline(id: string, options?: { reveal?: boolean }): Promise<TimelineEntry[]>;
  availableEvents(id: string): Promise<AvailableEvent[]>;
  sendEvent(id: string, event: { type: string; version: number; data?: Record<string, unknown> }): Promise<{ case: CaseRecord }>;
  assignCase(id: string, assigneeId: string | null, version: number): Promise<{ case: CaseRecord }>;
  caseAttachments(id: string): Promise<AttachmentRecord[]>;
  uploadAttachment(id: string, file: { filename: string; contentType: string; contentBase64: string }): Promise<AttachmentRecord>;
  downloadAttachment(id: string, attachmentId: string): Promise<Blob>;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function listQuery(params: { sort?: GetListParams['sort']; filter?: Record<string, unknown> }, start: number, end: number): string {
  const query = new URLSearchParams();
  if (params.sort?.field) query.set('sort', JSON.stringify([params.sort.field, params.sort.order === 'DESC' ? 'DESC' : 'ASC']));
  query.set('range', JSON.stringify([start, end]));
  const filter = Object.fromEntries(Object.entries(params.filter ?? {}).filter(([, value]) => !(value === undefined || value === '' || (Array.isArray(value) && value.length === 0))));
  if (Object.keys(filter).length > 0) query.set('filter', JSON.stringify(filter));
  return query.toString();
}

function totalOf(contentRange: string | null, fallback: number): number {
  const total = contentRange?.split('/').pop();
  const parsed = total === undefined ? Number.NaN : Number.parseInt(total, 10);
  return Number.isFinite(parsed) ? parsed : fallback;
}

/**
 * Fetches rows [start, end] of a list, in requests of at most {@link SERVER_PAGE_LIMIT} rows
 * (the CSV export asks for thousands), and the total from Content-Range.
 * @example
 * const { data, total } = await fetchRange('cases', { sort, filter }, 0, 999);
 */
export async function fetchRange(resource: string, params: { sort?: GetListParams['sort']; filter?: Record<string, unknown> }, start: number, end: number): Promise<GetListResult> {
  const data: RaRecord[] = [];
  let total = 0;
  for (let from = start; from <= end; from += SERVER_PAGE_LIMIT) {
    const to = Math.min(end, from + SERVER_PAGE_LIMIT - 1);
    const { body, headers } = await apiFetch(`/${resource}?${listQuery(params, from, to)}`);
    const rows = Array.isArray(body) ? (body as RaRecord[]) : [];
    data.push(...rows);
    total = totalOf(headers.get('Content-Range'), data.length);
    if (rows.length < to - from + 1 || from + rows.length >= total) break;
  }
  return { data, total };
}

/**
 * Picks the fields a resource accepts on create, leaving out empty ones.
 * @example
 * createBody('tenants', { id: '', parentId: 'chalu', level: 'enterprise', name }); // { parentId, level, name }
 */
export function createBody(resource: string, data: Record<string, unknown>): Record<string, unknown> {
  const fields = CREATE_FIELDS[resource];
  const entries = Object.entries(data).filter(([key, value]) => (fields === undefined || fields.includes(key)) && !isBlank(value));
  return Object.fromEntries(entries);
}

/**
 * The PATCH body of an edit: the accepted fields whose value changed (a cleared one as null).
 * @example
 * updateBody('users', { displayName: '王伟', roles: ['mediator'] }, { displayName: '王伟', roles: ['lawyer'] }); // { roles: ['mediator'] }
 */
export function updateBody(resource: string, data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  const fields = UPDATE_FIELDS[resource] ?? Object.keys(data).filter((key) => key !== 'id');
  const body: Record<string, unknown> = {};
  for (const field of fields) {
    if (!Object.hasOwn(data, field)) continue;
    const value = data[field];
    if (previous && JSON.stringify(previous[field] ?? null) === JSON.stringify(value ?? null)) continue;
    // A password left empty on the edit form means "keep it".
    if (field === 'password' && isBlank(value)) continue;
    body[field] = value === '' ? null : value;
  }
  return body;
}

// crypto.randomUUID exists only on secure origins; a panel served over plain HTTP on a LAN has getRandomValues.
function idempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function path(resource: string, id: unknown): string {
  return `/${resource}/${encodeURIComponent(String(id))}`;
}

async function readBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Reads a browser File as the attachment upload body.
 * @example
 * await dataProvider.uploadAttachment(id, await attachmentBody(file));
 */
export async function attachmentBody(file: File): Promise<{ filename: string; contentType: string; contentBase64: string }> {
  return { filename: file.name, contentType: file.type || 'application/octet-stream', contentBase64: await readBase64(file) };
}

/**
 * The data provider over the server's REST API (react-admin conventions: sort, range, filter as
 * JSON, Content-Range), with the Bearer token, PATCH of changed fields, and the case calls.
 * @example
 * <Admin dataProvider={createDataProvider()} />
 */
export function createDataProvider(): ShuoshiDataProvider {
  return {
    async getList(resource, params) {
      const page = params.pagination?.page ?? 1;
      const perPage = params.pagination?.perPage ?? 25;
      const start = (page - 1) * perPage;
      return fetchRange(resource, params, start, start + perPage - 1);
    },
    async getOne<RecordType extends RaRecord = RaRecord>(resource: string, params: GetOneParams<RecordType>): Promise<GetOneResult<RecordType>> {
      const reveal = (params.meta as { reveal?: boolean } | undefined)?.reveal === true;
      const { body } = await apiFetch(`${path(resource, params.id)}${reveal ? '?reveal=true' : ''}`);
      return { data: body as RecordType };
    },
    async getMany(resource, params) {
      if (params.ids.length === 0) return { data: [] };
      const { data } = await fetchRange(resource, { filter: { id: params.ids.map(String) } }, 0, params.ids.length - 1);
      return { data };
    },
    async getManyReference(resource, params) {
      const start = (params.pagination.page - 1) * params.pagination.perPage;
      return fetchRange(resource, { sort: params.sort, filter: { ...params.filter, [params.target]: params.id } }, start, start + params.pagination.perPage - 1);
    },
    async create<RecordType extends Omit<RaRecord, 'id'> = RaRecord, ResultRecordType extends RaRecord = RecordType & { id: RaRecord['id'] }>(resource: string, params: CreateParams<RecordType>): Promise<CreateResult<ResultRecordType>> {
      const { body } = await apiFetch(`/${resource}`, { method: 'POST', json: createBody(resource, params.data as Record<string, unknown>) });
      return { data: body as ResultRecordType };
    },
    async update<RecordType extends RaRecord = RaRecord>(resource: string, params: UpdateParams<RecordType>): Promise<UpdateResult<RecordType>> {
      const changes = updateBody(resource, params.data as Record<string, unknown>, params.previousData as Record<string, unknown> | undefined);
      if (Object.keys(changes).length === 0) return { data: { ...params.previousData, ...params.data, id: params.id } as RecordType };
      const { body } = await apiFetch(path(resource, params.id), { method: 'PATCH', json: changes });
      return { data: body as RecordType };
    },
    async updateMany(resource, params) {
      for (const id of params.ids) await apiFetch(path(resource, id), { method: 'PATCH', json: updateBody(resource, params.data as Record<string, unknown>, undefined) });
      return { data: params.ids };
    },
    async delete<RecordType extends RaRecord = RaRecord>(resource: string, params: DeleteParams<RecordType>): Promise<DeleteResult<RecordType>> {
      const { body } = await apiFetch(path(resource, params.id), { method: 'DELETE' });
      return { data: (body ?? params.previousData) as RecordType };
    },
    async deleteMany(resource, params) {
      for (const id of params.ids) await apiFetch(path(resource, id), { method: 'DELETE' });
      return { data: params.ids };
    },
    async caseTimeline(id, options = {}) {
      const { body } = await apiFetch(`${path('cases', id)}/timeline${options.reveal ? '?reveal=true' : ''}`);
      return body as TimelineEntry[];
    },
    async availableEvents(id) {
      const { body } = await apiFetch(`${path('cases', id)}/events/available`);
      return body as AvailableEvent[];
    },
    async sendEvent(id, event) {
      const { body } = await apiFetch(`${path('cases', id)}/events`, { method: 'POST', json: event, headers: { 'Idempotency-Key': idempotencyKey() } });
      return body as { case: CaseRecord };
    },
    async assignCase(id, assigneeId, version) {
      const { body } = await apiFetch(`${path('cases', id)}/assign`, { method: 'POST', json: { assigneeId, version }, headers: { 'Idempotency-Key': idempotencyKey() } });
      return body as { case: CaseRecord };
    },
    async caseAttachments(id) {
      const { body } = await apiFetch(`${path('cases', id)}/attachments`);
      return body as AttachmentRecord[];
    },
    async uploadAttachment(id, file) {
      const { body } = await apiFetch(`${path('cases', id)}/attachments`, { method: 'POST', json: file });
      return body as AttachmentRecord;
    },
    async downloadAttachment(id, attachmentId) {
      const { response } = await apiFetch(`${path('cases', id)}/attachments/${encodeURIComponent(attachmentId)}`, { raw: true, headers: { Accept: '*/*' } });
      return response.blob();
    },
  };
}
