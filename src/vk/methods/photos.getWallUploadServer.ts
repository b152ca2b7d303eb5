// photos.getWallUploadServer: the address a wall photo's file goes to (first step of the photo upload).
import { defineMethod, expectObject } from './method.ts';

export const photosGetWallUploadServer = defineMethod<{ group_id: number }, { upload_url: string }>({
  name: 'photos.getWallUploadServer',
  params: { group_id: { required: true, doc: 'the community the photo is for' } },
  tokenKinds: ['user'],
  schemaKinds: ['user'],
  tokenKindsFrom: 'schema',
  rate: 'upload',
  readOnly: false,
  schemaResponse: ['photos', 'photos_getWallUploadServer_response'],
  parse: (r) => ({
    upload_url: String(expectObject('photos.getWallUploadServer', r, 'upload_url').upload_url),
  }),
});
