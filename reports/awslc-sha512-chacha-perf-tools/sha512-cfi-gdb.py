import gdb
gdb.execute("set pagination off")
gdb.execute("break sha512_block_data_order_avx2")
gdb.execute("run")
f = gdb.newest_frame()
ret_expected = f.older().pc()
caller_name = f.older().name()
blk = gdb.block_for_pc(f.pc())
start = f.function().value().address if f.function() else None
steps = bad = 0
while True:
    fr = gdb.newest_frame()
    if fr.name() != "sha512_block_data_order_avx2":
        break
    o = fr.older()
    if o is None or o.pc() != ret_expected:
        bad += 1
        if bad <= 5:
            print("BAD unwind at pc", hex(fr.pc()), "older", None if o is None else hex(o.pc()))
    steps += 1
    gdb.execute("stepi", to_string=True)
print("steps", steps, "bad", bad, "caller", caller_name)
gdb.execute("continue")
