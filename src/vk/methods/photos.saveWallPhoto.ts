// photos.saveWallPhoto: the uploaded file becomes a photo to attach (last step of the photo upload).

import { AppError } from '../../platform/errors.ts';
import { defineMethod } from './method.ts';

export const photosSaveWallPhoto = defineMethod<
  { group_id: number; photo: string; server: string; hash: string },
  { id: number; owner_id: number }
>({
  name: 'photos.saveWallPhoto',
  params: {
    group_id: { required: true, doc: 'the community' },
    photo: { required: true, doc: "the upload server's answer" },
    server: { required: true, doc: "the upload server's answer" },
    hash: { required: true, doc: "the upload server's answer" },
  },
  tokenKinds: ['user'],
  schemaKinds: ['user'],
  tokenKindsFrom: 'schema',
  rate: 'upload',
  readOnly: false,
  schemaResponse: ['photos', 'photos_saveWallPhoto_response'],
  parse: (r) => {
    const photo = Array.isArray(r) ? (r[0] as { id?: number; owner_id?: number } | undefined) : undefined;
    if (photo?.id === undefined || photo.owner_id === undefined)
      throw new AppError('UPSTREAM_UNAVAILABLE', 'photos.saveWallPhoto returned no photo');
    return { id: Number(photo.id), owner_id: Number(photo.owner_id) };
  },
});
