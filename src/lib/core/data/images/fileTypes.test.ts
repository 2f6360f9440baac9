import { describe, expect, it } from 'vitest';
import {
  folderName,
  isAcceptedImage,
  NOT_AN_IMAGE,
  sortFiles,
  TOO_LARGE,
  type FileLike,
} from './fileTypes';

describe('isAcceptedImage', () => {
  it('accepts PNG, JPEG, WebP, GIF and BMP by their MIME type', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'image/bmp']) {
      expect(isAcceptedImage('x', type), type).toBe(true);
    }
    expect(isAcceptedImage('x.png', 'text/plain')).toBe(false); // the type wins when given
    expect(isAcceptedImage('x.svg', 'image/svg+xml')).toBe(false);
    expect(isAcceptedImage('x.tiff', 'image/tiff')).toBe(false);
  });

  it('judges by the extension when the browser gives no type', () => {
    expect(isAcceptedImage('IMG_0001.JPG', '')).toBe(true);
    expect(isAcceptedImage('a.jpeg', '')).toBe(true);
    expect(isAcceptedImage('a.bmp', '')).toBe(true);
    expect(isAcceptedImage('notes.txt', '')).toBe(false);
    expect(isAcceptedImage('.DS_Store', '')).toBe(false);
    expect(isAcceptedImage('png', '')).toBe(false);
  });
});

describe('sortFiles', () => {
  const file = (path: string, type: string, size = 100): FileLike => ({
    name: path.slice(path.lastIndexOf('/') + 1),
    type,
    size,
    webkitRelativePath: path,
  });

  it('keeps the images in path order and counts the rest, with names and reasons', () => {
    const { images, skipped } = sortFiles([
      file('cats/b.png', 'image/png'),
      file('cats/readme.txt', 'text/plain'),
      file('cats/a.jpg', 'image/jpeg'),
      file('cats/.DS_Store', ''),
      file('cats/huge.png', 'image/png', 51 * 1024 * 1024),
      file('cats/sub/c.gif', 'image/gif'),
    ]);
    expect(images.map((image) => image.webkitRelativePath)).toEqual([
      'cats/a.jpg',
      'cats/b.png',
      'cats/sub/c.gif',
    ]);
    expect(skipped).toEqual([
      { name: 'cats/readme.txt', reason: NOT_AN_IMAGE },
      { name: 'cats/.DS_Store', reason: NOT_AN_IMAGE },
      { name: 'cats/huge.png', reason: TOO_LARGE },
    ]);
  });

  it('names a class after the folder picked', () => {
    expect(folderName([file('cats/a.png', 'image/png')])).toBe('cats');
    expect(
      folderName([{ name: 'a.png', type: 'image/png', size: 1, webkitRelativePath: '' }]),
    ).toBeNull();
  });
});
