/**
 * Big enough that writing it takes far longer than delivering a SIGKILL (Node writes a file in 512 KiB
 * chunks), so the kill lands in the middle of the write; the same bytes in the test and in the child.
 */
export function tornWriteBytes(): Buffer {
  return Buffer.alloc(128 * 1024 * 1024, 'a torn write ');
}
