;; The template walk's common steps (src/group/walk.ts loads it; template.ts is the whole rule;
;; walkRules.wat, added to this module, holds the character rules). Both texts are ASCII bytes
;; here, so a byte is a character and case folds by one bit.
;;
;; `walk` goes on from (i, ps, px) while the output agrees with the sample, by template.ts's
;; `noiseEnd` up to its sticky pattern. Runs of pieces and spans whose shape settles them byte for
;; byte are swept 16 bytes at a time against what each byte of the sample allows in its place,
;; across own names where the output has a name as long as the sample's there (compared before);
;; a span is taken alone at another own name, a hex id, or where a sweep failed. It answers 1 when
;; the output ends where the sample does; else 0, with the step it could not take at STOPPED (i,
;; ps, px), for template.ts to take.
;;
;; Memory (walk.ts places all but the first three): a class per byte at 0 (256 bytes, made at
;; start); where the walk stopped at 256; three-letter words at 272 (walkRules.wat); the own names
;; at $nm, eight bytes each (address i32, length i16, then from walk.ts the byte after it that
;; makes a longer own name begin here, and 1 unless two could); the sample's n bytes at $s, then
;; 0xff; what each of its bytes may be in the output at $al (a byte each, walkRules.wat's
;; `allow`); its spans at $sp, four i32 each (start, end, rule, and `stop`: the first span from
;; this one on that is an own name or a hex id); the output's m bytes at $x, then 0xff. Each text has 16
;; bytes after it: chunks are read past a text's end and masked off.
;;
;; The steps every span takes are written out, and test/group/compileWalk.ts inlines the pure
;; helpers: a call costs more than the work it would hold (V8 does not inline WebAssembly calls by
;; default), twice the time when tried.
(module
  (memory (export "memory") 1)
  (global $s (mut i32) (i32.const 0))
  (global $n (mut i32) (i32.const 0))
  (global $sp (mut i32) (i32.const 0))
  (global $al (mut i32) (i32.const 0))
  (global $count (mut i32) (i32.const 0))
  (global $x (mut i32) (i32.const 0))
  (global $m (mut i32) (i32.const 0))
  (global $nm (mut i32) (i32.const 0))
  (global $nn (mut i32) (i32.const 0))
  ;; Where the walk stopped (read from memory: cheaper than a global from JavaScript).
  (global $STOPPED i32 (i32.const 256))

  ;; Rules (walk.ts's RULE): 0 an own name only; 1 the same shape but for digits; 2 and hex
  ;; digits; 3 and, inside an id, letters and digits; 4 as 3 up to the end (an instance id); 5 as
  ;; 1, else runs of digits of any length; 6 a hex id; 7 as 1, else a month and day; 8 a hex id
  ;; that stands alone (noiseRules.ts's hexSwaps), which a sweep crosses as hex digits where the
  ;; output has a letter among them.

  (func (export "sample") (param $at i32) (param $len i32) (param $allow i32) (param $spans i32) (param $spanCount i32)
    (global.set $s (local.get $at))
    (global.set $al (local.get $allow))
    (global.set $n (local.get $len))
    (global.set $sp (local.get $spans))
    (global.set $count (local.get $spanCount)))

  (func (export "output") (param $at i32) (param $len i32) (param $names i32) (param $nameCount i32)
    (global.set $x (local.get $at))
    (global.set $m (local.get $len))
    (global.set $nm (local.get $names))
    (global.set $nn (local.get $nameCount)))

  ;; How far the output's bytes from px are the sample's from ps, or of a class each differing
  ;; byte's allowance holds (walkRules.wat's `allow`; the classes below): len when all len are,
  ;; else where the first chunk that is not starts. Each chunk is checked whole, with no branch on
  ;; what it holds: about half a fleet output's chunks differ somewhere by noise, and a branch on
  ;; that is mispredicted every other chunk.
  (func $allowed (param $ps i32) (param $px i32) (param $len i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $k i32)
    (local $xv v128) (local $yv v128) (local $bad v128)
    ;; Constants in locals: V8 makes a v128 constant again at each use in a loop.
    (local $low v128) (local $high v128) (local $nibble v128) (local $lanes v128)
    (local.set $low (v128.const i8x16 0x09 0x0f 0x0f 0x0f 0x0f 0x0f 0x0f 0x0d 0x0d 0x0d 0x0c 0x04 0x04 0x04 0x04 0x04))
    (local.set $high (v128.const i8x16 0 0 0 0x01 0x06 0x08 0x06 0x08 0 0 0 0 0 0 0 0))
    (local.set $nibble (i8x16.splat (i32.const 15)))
    (local.set $a (i32.add (global.get $s) (local.get $ps)))
    (local.set $b (i32.add (global.get $x) (local.get $px)))
    (local.set $c (i32.add (global.get $al) (local.get $ps)))
    ;; Two chunks at a time while there are two.
    (block $pairs
      (loop $pair
        (br_if $pairs (i32.lt_s (i32.sub (local.get $len) (local.get $k)) (i32.const 32)))
        (local.set $xv (v128.load (i32.add (local.get $b) (local.get $k))))
        (local.set $yv (v128.load offset=16 (i32.add (local.get $b) (local.get $k))))
        (local.set $bad
          (v128.andnot
            (i8x16.eq (v128.and (call $classes16 (local.get $xv) (local.get $low) (local.get $high) (local.get $nibble))
                        (v128.load (i32.add (local.get $c) (local.get $k))))
              (v128.const i64x2 0 0))
            (i8x16.eq (v128.load (i32.add (local.get $a) (local.get $k))) (local.get $xv))))
        (if (v128.any_true
              (v128.or (local.get $bad)
                (v128.andnot
                  (i8x16.eq (v128.and (call $classes16 (local.get $yv) (local.get $low) (local.get $high) (local.get $nibble))
                              (v128.load offset=16 (i32.add (local.get $c) (local.get $k))))
                    (v128.const i64x2 0 0))
                  (i8x16.eq (v128.load offset=16 (i32.add (local.get $a) (local.get $k))) (local.get $yv)))))
          (then (return (select (local.get $k) (i32.add (local.get $k) (i32.const 16)) (v128.any_true (local.get $bad))))))
        (local.set $k (i32.add (local.get $k) (i32.const 32)))
        (br $pair)))
    ;; The rest a chunk at a time, the lanes of the last past len masked off (lanesBelow, its
    ;; lane numbers made once: this runs for every piece and sweep).
    (local.set $lanes (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))
    (loop $chunks
      (if (i32.ge_s (local.get $k) (local.get $len)) (then (return (local.get $len))))
      (local.set $xv (v128.load (i32.add (local.get $b) (local.get $k))))
      (if (v128.any_true
            (v128.and
              (i8x16.lt_u (local.get $lanes) (i8x16.splat (i32.sub (local.get $len) (local.get $k))))
              (v128.andnot
                (i8x16.eq (v128.and (call $classes16 (local.get $xv) (local.get $low) (local.get $high) (local.get $nibble))
                            (v128.load (i32.add (local.get $c) (local.get $k))))
                  (v128.const i64x2 0 0))
                (i8x16.eq (v128.load (i32.add (local.get $a) (local.get $k))) (local.get $xv)))))
        (then (return (local.get $k))))
      (local.set $k (i32.add (local.get $k) (i32.const 16)))
      (br $chunks))
    (i32.const 0))

  ;; Each byte's class, a bit for each block of ASCII codes it is in, by its low nibble (`low`'s
  ;; lane) and its high (`high`'s): 1 a digit, 2 a hex letter, 4 a letter of A-O or a-o, 8 of P-Z
  ;; or p-z. What a sample's byte allows (walkRules.wat's `allow`) is a set of these bits: a
  ;; digit 1, a hex digit 3, a letter or digit 13. Bytes from 0x80 (the end mark) are of none.
  (func $classes16 (param $v v128) (param $low v128) (param $high v128) (param $nibble v128) (result v128)
    (v128.and
      (i8x16.swizzle (local.get $low) (v128.and (local.get $v) (local.get $nibble)))
      (i8x16.swizzle (local.get $high) (v128.and (i16x8.shr_u (local.get $v) (i32.const 4)) (local.get $nibble)))))

  ;; The lanes below r (all 16 from 16 on): of a chunk that ends a text or a name, those in it.
  (func $lanesBelow (param $r i32) (result v128)
    (i8x16.lt_u (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15)
      (i8x16.splat (select (local.get $r) (i32.const 16) (i32.lt_u (local.get $r) (i32.const 16))))))

  ;; Span i's record, its end, and the rule in a record (above it, the own name kept there).
  (func $spanAt (param $i i32) (result i32)
    (i32.add (global.get $sp) (i32.shl (local.get $i) (i32.const 4))))
  (func $spanEnd (param $i i32) (result i32)
    (i32.load offset=4 (call $spanAt (local.get $i))))
  (func $ruleAt (param $span i32) (result i32)
    (i32.and (i32.load offset=8 (local.get $span)) (i32.const 255)))

  ;; The output at k goes on as the sample does after the span (noiseRules.ts's follows; both
  ;; texts' end marks are alike).
  (func $follows (param $k i32) (param $next i32) (result i32)
    (i32.and (i32.ge_s (local.get $k) (i32.const 0)) (i32.eq (i32.load8_u (i32.add (global.get $x) (local.get $k))) (local.get $next))))

;; The 16 bytes at `at` begin with the own name at w (lower case, `len` bytes, all 16 from 16 on),
  ;; in any case. Both texts have 16 bytes after them.
  (func $sameName16 (param $w i32) (param $len i32) (param $at i32) (result i32)
    (i32.eqz
      (v128.any_true
        (v128.andnot
          (call $lanesBelow (local.get $len))
          (i8x16.eq
            ;; Upper-case letters in lower case.
            (v128.or (v128.load (local.get $at))
              (v128.and (i8x16.lt_u (i8x16.sub (v128.load (local.get $at)) (i8x16.splat (i32.const 65))) (i8x16.splat (i32.const 26)))
                (i8x16.splat (i32.const 32))))
            (v128.load (local.get $w)))))))

  ;; The output's len bytes from px are the own name at w (lower case), in any case: 16 at a time.
  (func $nameAt (param $w i32) (param $len i32) (param $px i32) (result i32)
    (local $j i32)
    (if (i32.gt_u (i32.add (local.get $px) (local.get $len)) (global.get $m)) (then (return (i32.const 0))))
    (loop $chunks
      (if (i32.eqz
            (call $sameName16 (i32.add (local.get $w) (local.get $j)) (i32.sub (local.get $len) (local.get $j))
              (i32.add (global.get $x) (i32.add (local.get $px) (local.get $j)))))
        (then (return (i32.const 0))))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br_if $chunks (i32.lt_u (local.get $j) (local.get $len))))
    (i32.const 1))

  ;; nameAt, without a call for a name of up to 16 bytes (most hosts and IPs): a call cost the walk
  ;; about 6% where the sweep crosses own names.
  (func $isNameAt (param $w i32) (param $len i32) (param $px i32) (result i32)
    (if (result i32) (i32.le_u (local.get $len) (i32.const 16))
      (then
        (if (result i32) (i32.gt_u (i32.add (local.get $px) (local.get $len)) (global.get $m))
          (then (i32.const 0))
          (else (call $sameName16 (local.get $w) (local.get $len) (i32.add (global.get $x) (local.get $px))))))
      (else (call $nameAt (local.get $w) (local.get $len) (local.get $px)))))

  ;; The first own name or hex id from span j on (walk.ts's `stop`), or the count.
  (func $stopFrom (param $j i32) (result i32)
    (select (i32.load offset=12 (call $spanAt (local.get $j))) (global.get $count) (i32.lt_u (local.get $j) (global.get $count))))

  ;; For a sweep to cross the sample's hex id from start to end (rule 8) at the output's k: the
  ;; output is that long there, and a byte of it is no digit (the sweep reads them all as hex
  ;; digits), unless the sample's begins with `0x`. Not at the sample's end: the sweep reads the
  ;; byte after it, where a longer one would go on.
  (func $hexIdHere (param $start i32) (param $end i32) (param $k i32) (result i32)
    (local $len i32) (local $j i32) (local $b i32)
    (local.set $len (i32.sub (local.get $end) (local.get $start)))
    (if (i32.ge_u (local.get $end) (global.get $n)) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.add (local.get $k) (local.get $len)) (global.get $m)) (then (return (i32.const 0))))
    (if (i32.and (i32.eq (i32.load8_u (i32.add (global.get $s) (local.get $start))) (i32.const 48))
          (i32.eq (i32.or (i32.load8_u offset=1 (i32.add (global.get $s) (local.get $start))) (i32.const 32)) (i32.const 120)))
      (then (return (i32.const 1))))
    (local.set $b (i32.add (global.get $x) (local.get $k)))
    (loop $chunks
      (if (v128.any_true
            (v128.and
              (call $lanesBelow (i32.sub (local.get $len) (local.get $j)))
              (i8x16.gt_u (v128.load (i32.add (local.get $b) (local.get $j))) (i8x16.splat (i32.const 57)))))
        (then (return (i32.const 1))))
      (local.set $j (i32.add (local.get $j) (i32.const 16)))
      (br_if $chunks (i32.lt_u (local.get $j) (local.get $len))))
    (i32.const 0))

  (func (export "walk") (param $i i32) (param $ps i32) (param $px i32) (result i32)
    (local $span i32) (local $start i32) (local $end i32) (local $rule i32) (local $len i32)
    (local $j i32) (local $k i32) (local $b i32) (local $next i32) (local $until i32)
    (local $q i32) (local $w i32) (local $first i32) (local $o i32) (local $taken i32)
    (block $stop
      (loop $step
        (local.set $span (call $spanAt (local.get $i)))
        ;; A sweep up to span `stop` (the next own name or hex id): the bytes and spans between
        ;; allowed at once. Where a chunk fails, the span it is in (or the first after it) is taken
        ;; alone, and the sweep goes on after it; where the output is too short, span by span.
        ;;
        ;; An own name's shortcut, before the sweep: where the last output had one of its names,
        ;; that name of this output compared at once. Its neighbours are the sample's (the sweep
        ;; reads them), so it is a whole word there, and no longer name is there instead unless one
        ;; goes on with the sample's byte after the span. The sweep crosses it when it is as long
        ;; as the sample's name, and else ends there, the name `taken` after it.
        (if (i32.ge_s (local.get $i) (local.get $until))
          (then
            (local.set $j (call $stopFrom (local.get $i)))
            (local.set $taken (i32.const -1))
            (block $crossing
              (loop $cross
                (br_if $crossing (i32.ge_u (local.get $j) (global.get $count)))
                (local.set $o (call $spanAt (local.get $j)))
                ;; A hex id that stands alone, as long as the sample's and with a letter (or after `0x`).
                (if (i32.eq (call $ruleAt (local.get $o)) (i32.const 8))
                  (then
                    (local.set $start (i32.load (local.get $o)))
                    (br_if $crossing
                      (i32.eqz (call $hexIdHere (local.get $start) (i32.load offset=4 (local.get $o))
                        (i32.add (local.get $px) (i32.sub (local.get $start) (local.get $ps))))))
                    (local.set $j (call $stopFrom (i32.add (local.get $j) (i32.const 1))))
                    (br $cross)))
                (br_if $crossing (call $ruleAt (local.get $o)))
                (local.set $q (i32.shr_u (i32.load offset=8 (local.get $o)) (i32.const 8)))
                (br_if $crossing (i32.or (i32.eqz (local.get $q)) (i32.gt_u (local.get $q) (global.get $nn))))
                (local.set $w (i32.add (global.get $nm) (i32.shl (i32.sub (local.get $q) (i32.const 1)) (i32.const 3))))
                (br_if $crossing (i32.eqz (i32.load8_u offset=7 (local.get $w))))
                (local.set $end (i32.load offset=4 (local.get $o)))
                (br_if $crossing
                  (i32.eq (i32.load8_u offset=6 (local.get $w)) (i32.load8_u (i32.add (global.get $s) (local.get $end)))))
                (local.set $len (i32.load16_u offset=4 (local.get $w)))
                (local.set $start (i32.load (local.get $o)))
                (br_if $crossing
                  (i32.eqz (call $isNameAt (i32.load (local.get $w)) (local.get $len)
                    (i32.add (local.get $px) (i32.sub (local.get $start) (local.get $ps))))))
                (if (i32.ne (local.get $len) (i32.sub (local.get $end) (local.get $start)))
                  (then
                    (local.set $taken (local.get $len))
                    (br $crossing)))
                (local.set $j (call $stopFrom (i32.add (local.get $j) (i32.const 1))))
                (br $cross)))
            (local.set $start
              (select (i32.load (call $spanAt (local.get $j))) (global.get $n)
                (i32.lt_u (local.get $j) (global.get $count))))
            (local.set $len (i32.sub (local.get $start) (local.get $ps)))
            (block $perSpan
              (block $swept
                (block $failed
                  (br_if $failed (i32.gt_u (i32.add (local.get $px) (local.get $len)) (global.get $m)))
                  (local.set $k (i32.add (local.get $ps) (call $allowed (local.get $ps) (local.get $px) (local.get $len))))
                  (if (i32.lt_u (local.get $k) (local.get $start))
                    (then
                      ;; Spans that end before the chunk, and the byte after each, were read.
                      (local.set $q (local.get $i))
                      (block $found
                        (loop $spans
                          (br_if $found (i32.ge_u (local.get $q) (local.get $j)))
                          (br_if $found
                            (i32.ge_u (call $spanEnd (local.get $q)) (local.get $k)))
                          (local.set $q (i32.add (local.get $q) (i32.const 1)))
                          (br $spans)))
                      (if (i32.gt_u (local.get $q) (local.get $i))
                        (then
                          (local.set $k (call $spanEnd (i32.sub (local.get $q) (i32.const 1))))
                          (local.set $px (i32.add (local.get $px) (i32.sub (local.get $k) (local.get $ps))))
                          (local.set $ps (local.get $k))
                          (local.set $i (local.get $q))
                          (local.set $span (call $spanAt (local.get $i)))))
                      (local.set $until (i32.add (local.get $i) (i32.const 1)))
                      (br $perSpan)))
                  ;; The span before `stop`, swept and ending where `stop` starts: followed as in the sample.
                  (br_if $swept (i32.le_u (local.get $j) (local.get $i)))
                  (br_if $swept (i32.ge_u (local.get $j) (global.get $count)))
                  (br_if $swept
                    (i32.ne (local.get $start) (call $spanEnd (i32.sub (local.get $j) (i32.const 1)))))
                  (br_if $swept
                    (i32.eq (i32.load8_u (i32.add (global.get $x) (i32.add (local.get $px) (local.get $len))))
                      (i32.load8_u (i32.add (global.get $s) (local.get $start))))))
                (local.set $until (local.get $j))
                (br $perSpan))
              (local.set $ps (local.get $start))
              (local.set $px (i32.add (local.get $px) (local.get $len)))
              (local.set $i (local.get $j))
              (local.set $span (call $spanAt (local.get $i)))
              ;; An own name's shortcut not crossed.
              (br_if $perSpan (i32.lt_s (local.get $taken) (i32.const 0)))
              (local.set $ps (i32.load offset=4 (local.get $span)))
              (local.set $px (i32.add (local.get $px) (local.get $taken)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $step))))
        ;; One span: the piece before it equal (no byte of a piece is allowed another)...
        (local.set $start
          (select (i32.load (local.get $span)) (global.get $n) (i32.lt_u (local.get $i) (global.get $count))))
        (local.set $len (i32.sub (local.get $start) (local.get $ps)))
        (if (local.get $len)
          (then
            (br_if $stop (i32.gt_u (i32.add (local.get $px) (local.get $len)) (global.get $m)))
            (br_if $stop (i32.ne (call $allowed (local.get $ps) (local.get $px) (local.get $len)) (local.get $len)))))
        (local.set $ps (local.get $start))
        (local.set $px (i32.add (local.get $px) (local.get $len)))
        (if (i32.eq (local.get $i) (global.get $count))
          (then
            (if (i32.eq (local.get $px) (global.get $m)) (then (return (i32.const 1))))
            (br $stop)))
        ;; ...then its noise, by template.ts's noiseEnd up to the sticky pattern.
        (local.set $end (i32.load offset=4 (local.get $span)))
        ;; The rule, and above it the own name found at this span last (walk.ts leaves it 0).
        (local.set $rule (call $ruleAt (local.get $span)))
        (local.set $next (i32.load8_u (i32.add (global.get $s) (local.get $end))))
        (block $shown
          (block $ownNames
            ;; noiseRules.ts's sameShapeEnd (rules 1 to 5, 7): the span's bytes allowed.
            (if (i32.or (i32.eq (local.get $rule) (i32.const 7))
                  (i32.and (i32.ge_u (local.get $rule) (i32.const 1)) (i32.le_u (local.get $rule) (i32.const 5))))
              (then
                (local.set $len (i32.sub (local.get $end) (local.get $ps)))
                (if (i32.le_u (i32.add (local.get $px) (local.get $len)) (global.get $m))
                  (then
                    (if (i32.eq (call $allowed (local.get $ps) (local.get $px) (local.get $len)) (local.get $len))
                      (then
                        (local.set $k (i32.add (local.get $px) (local.get $len)))
                        (br_if $shown (call $follows (local.get $k) (local.get $next)))))))
                (br_if $ownNames (i32.ne (local.get $rule) (i32.const 5)))
                (local.set $k (call $digitRuns (local.get $ps) (local.get $end) (local.get $px)))
                (if (call $follows (local.get $k) (local.get $next))
                  (then (br_if $shown (call $standsAlone (local.get $px) (local.get $k)))))
                (br $ownNames)))
            (if (i32.or (i32.eq (local.get $rule) (i32.const 6)) (i32.eq (local.get $rule) (i32.const 8)))
              (then
                (local.set $k (call $hexId (local.get $ps) (local.get $px)))
                (if (call $follows (local.get $k) (local.get $next))
                  (then (br_if $shown (call $standsAlone (local.get $px) (local.get $k))))))))
          ;; noiseRules.ts's ownNameAt: the first own name (lower case) at px as a whole word.
          (block $noName
          (br_if $noName (i32.ge_u (local.get $px) (global.get $m)))
          (local.set $b (i32.add (global.get $x) (local.get $px)))
          ;; The output's character here, lower case: most names differ there.
          (local.set $first (i32.load8_u (local.get $b)))
          (if (i32.le_u (i32.sub (local.get $first) (i32.const 65)) (i32.const 25))
            (then (local.set $first (i32.or (local.get $first) (i32.const 32)))))
          (local.set $q (i32.const 0))
          (loop $name
            (br_if $noName (i32.ge_u (local.get $q) (global.get $nn)))
            (local.set $w (i32.load (i32.add (global.get $nm) (i32.shl (local.get $q) (i32.const 3)))))
            (local.set $len (i32.load16_u offset=4 (i32.add (global.get $nm) (i32.shl (local.get $q) (i32.const 3)))))
            (local.set $q (i32.add (local.get $q) (i32.const 1)))
            (br_if $name (i32.ne (i32.load8_u (local.get $w)) (local.get $first)))
            (br_if $name (i32.eqz (call $isNameAt (local.get $w) (local.get $len) (local.get $px))))
            (local.set $k (i32.add (local.get $px) (local.get $len)))
            (if (local.get $px)
              (then
                (br_if $name
                  (i32.and (i32.load8_u (i32.load8_u (i32.sub (local.get $b) (i32.const 1)))) (global.get $JOINS_BEFORE)))))
            (br_if $name
              (i32.and (i32.load8_u (i32.load8_u (i32.add (global.get $x) (local.get $k)))) (global.get $JOINS_AFTER))))
          ;; At an own name's span, name q - 1 is kept for the next output's shortcut.
          (if (i32.eqz (local.get $rule))
            (then (i32.store offset=8 (local.get $span) (i32.shl (local.get $q) (i32.const 8)))))
          (if (call $follows (local.get $k) (local.get $next))
            (then
              (br_if $shown (i32.eqz (local.get $rule)))
              (br_if $shown (call $standsAlone (local.get $px) (local.get $k))))))
          ;; noiseRules.ts's monthDayEnd (rule 7).
          (br_if $stop (i32.ne (local.get $rule) (i32.const 7)))
          (local.set $k (call $monthDay (local.get $i) (local.get $ps) (local.get $end) (local.get $px)))
          (br_if $shown (call $follows (local.get $k) (local.get $next)))
          (br $stop))
        (local.set $ps (local.get $end))
        (local.set $px (local.get $k))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $step)))
    (i32.store (global.get $STOPPED) (local.get $i))
    (i32.store offset=4 (global.get $STOPPED) (local.get $ps))
    (i32.store offset=8 (global.get $STOPPED) (local.get $px))
    (i32.const 0)))
