#include <stdint.h>
#include <stdio.h>
#include <string.h>
void sha512_block_data_order_avx2(uint64_t state[8], const uint8_t *data, size_t num);
void sha512_block_data_order_nohw(uint64_t state[8], const uint8_t *data, size_t num);
__attribute__((noinline)) void caller(uint64_t *st, const uint8_t *buf, size_t n) {
  sha512_block_data_order_avx2(st, buf, n);
  __asm__ volatile("" ::: "memory");
}
int main(void) {
  static uint8_t buf[128 * 5];
  for (int i = 0; i < (int)sizeof(buf); i++) buf[i] = i * 31;
  uint64_t a[8] = {1, 2, 3, 4, 5, 6, 7, 8}, b[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  caller(a, buf, 3);
  sha512_block_data_order_nohw(b, buf, 3);
  printf("%s\n", memcmp(a, b, 64) ? "MISMATCH" : "match");
  return 0;
}
