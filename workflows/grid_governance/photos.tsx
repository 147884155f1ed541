// An event's photos (现场照片), by the step they were taken at: the report's, the handling's. Who
// may add one at the current step, and read them at all, is the bucket's policies' to say
// (sql/006_event_photos.sql); the panel offers the upload to those who may act now, and shows
// the database's refusal otherwise.
import { useTranslation } from '@refinedev/core';
import { App, Empty, Image, Space, Typography, Upload } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { formatDateTime, stateLabel, supabaseClient, type WorkflowPlugin } from '@/plugin-api';

const PHOTO_BUCKET = 'grid-photos';
const TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };
const MAX_BYTES = 10 * 1024 * 1024;

interface Photo { path: string; step: string; url: string; createdAt: string | null }

export function EventPhotos({ plugin, instance, mayAdd }: { plugin: WorkflowPlugin; instance: { id: number; state: string }; mayAdd: boolean }) {
  const { translate } = useTranslation();
  const { message } = App.useApp();
  const t = (key: string, options?: Record<string, unknown>) => translate(`workflows.grid_governance.photos.${key}`, options);
  const [photos, setPhotos] = useState<Photo[] | null>(null);
  const [uploading, setUploading] = useState(0);

  const load = useCallback(async () => {
    const bucket = supabaseClient.storage.from(PHOTO_BUCKET);
    // (the event's folders are its steps; a step's files are its photos)
    const { data: steps } = await bucket.list(String(instance.id), { limit: 100 });
    const files = (await Promise.all((steps ?? []).filter((s) => s.id === null).map(async (s) => {
      const { data } = await bucket.list(`${instance.id}/${s.name}`, { limit: 100, sortBy: { column: 'created_at', order: 'asc' } });
      return (data ?? []).filter((f) => f.id !== null).map((f) => ({ path: `${instance.id}/${s.name}/${f.name}`, step: s.name, createdAt: f.created_at }));
    }))).flat();
    const { data: signed } = files.length ? await bucket.createSignedUrls(files.map((f) => f.path), 600) : { data: [] };
    const urls = new Map((signed ?? []).map((s) => [s.path, s.signedUrl]));
    setPhotos(files.filter((f) => urls.get(f.path)).map((f) => ({ ...f, url: urls.get(f.path)! })));
  }, [instance.id]);
  useEffect(() => void load(), [load, instance.state]);

  const upload = async (file: File) => {
    const ext = TYPES[file.type];
    if (!ext) return void message.error(t('wrongType', { name: file.name }));
    if (file.size > MAX_BYTES) return void message.error(t('tooLarge', { name: file.name, max: '10 MB' }));
    setUploading((n) => n + 1);
    const name = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.${ext}`;
    const { error } = await supabaseClient.storage.from(PHOTO_BUCKET).upload(`${instance.id}/${instance.state}/${name}`, file, { contentType: file.type });
    setUploading((n) => n - 1);
    if (error) void message.error(t('refused', { name: file.name }));
    await load();
  };
  const remove = async (photo: Photo) => {
    const { data, error } = await supabaseClient.storage.from(PHOTO_BUCKET).remove([photo.path]);
    // (the policy lets one remove one's own photo of the step in hand; anything else removes nothing)
    if (error || !data?.length) void message.warning(t('notRemoved'));
    await load();
  };

  const byStep = [...new Set((photos ?? []).map((p) => p.step))];
  const ownStep = (photos ?? []).filter((p) => p.step === instance.state);
  return (
    <div data-testid="grid-event-photos">
      <Typography.Text strong>{t('title')}</Typography.Text>
      {photos && !photos.length && !mayAdd && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('none')} />}
      <Image.PreviewGroup>
        {byStep.filter((s) => s !== instance.state || !mayAdd).map((step) => (
          <div key={step} style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">{t('atStep', { step: stateLabel(plugin, step) })}</Typography.Text>
            <Space wrap style={{ display: 'flex', marginTop: 4 }}>
              {photos!.filter((p) => p.step === step).map((p) => (
                <Image key={p.path} src={p.url} width={96} height={96} style={{ objectFit: 'cover' }} alt={p.createdAt ? t('alt', { time: formatDateTime(p.createdAt) }) : t('title')} />
              ))}
            </Space>
          </div>
        ))}
      </Image.PreviewGroup>
      {mayAdd && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('atStep', { step: stateLabel(plugin, instance.state) })}</Typography.Text>
          <Upload
            listType="picture-card"
            accept={Object.keys(TYPES).join(',')}
            multiple
            fileList={ownStep.map((p) => ({ uid: p.path, name: p.path.split('/').pop()!, status: 'done' as const, url: p.url, thumbUrl: p.url }))}
            beforeUpload={(file) => { void upload(file); return false; }}
            onRemove={(file) => {
              const photo = ownStep.find((p) => p.path === file.uid);
              if (photo) void remove(photo);
              return false;
            }}
            onPreview={(file) => window.open(file.url, '_blank', 'noopener')}
          >
            <div>
              <PlusOutlined />
              <div style={{ marginTop: 4 }}>{uploading ? t('uploading') : t('add')}</div>
            </div>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hint')}</Typography.Text>
        </div>
      )}
    </div>
  );
}
