;; The character rules of walk.wat's walk, for ASCII bytes: what noiseRules.ts shows in
;; JavaScript (digitRunsEnd, hexIdEnd, monthDayEnd, standsAlone), and the byte classes they and the
;; walk read. Not a module of its own: test/group/compileWalk.ts adds these fields to walk.wat's.
(module
  ;; noiseRules.ts's JOINS_ACROSS_BLANKS: months and weekdays by three letters, four bytes each.
  (global $ACROSS i32 (i32.const 272))
  (global $ACROSS_COUNT i32 (i32.const 19))
  ;; Their first letters, a bit each from a (a d f j m n o s t w): most words are none of them.
  (global $ACROSS_FIRST i32 (i32.const 5009961))
  (data (i32.const 272) "jan\00feb\00mar\00apr\00may\00jun\00jul\00aug\00sep\00oct\00nov\00dec\00mon\00tue\00wed\00thu\00fri\00sat\00sun\00")
  ;; noiseRules.ts's TAKEN_AFTER_BLANKS, a bit per letter from a: a d f g h j m n o p s u.
  (global $TAKEN_AFTER i32 (i32.const 1372905))

  ;; Character classes, a bit each, at each byte's own address (one load, no test).
  (global $DIGIT i32 (i32.const 1))
  (global $HEX i32 (i32.const 2))
  (global $ALNUM i32 (i32.const 4))
  (global $WORD i32 (i32.const 8))
  ;; fingerprint.ts's JOINS_AFTER ([\w:-]) and JOINS_BEFORE ([\w.:-]).
  (global $JOINS_AFTER i32 (i32.const 16))
  (global $JOINS_BEFORE i32 (i32.const 32))
  ;; noiseRules.ts's isTokenChar (what some kind reads on across) and isBlank.
  (global $TOKEN i32 (i32.const 64))
  (global $BLANK i32 (i32.const 128))

  (func $isDigit (param $c i32) (result i32)
    (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))
  (func $isLetter (param $c i32) (result i32)
    (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 25)))
  (func $isHexLetter (param $c i32) (result i32)
    (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 5)))

  (func $classes
    (local $c i32) (local $bits i32) (local $word i32)
    (loop $next
      (local.set $word
        (i32.or (i32.or (call $isDigit (local.get $c)) (call $isLetter (local.get $c))) (i32.eq (local.get $c) (i32.const 95))))
      (local.set $bits
        (i32.or
          (i32.or (call $isDigit (local.get $c))
            (i32.mul (global.get $HEX) (i32.or (call $isDigit (local.get $c)) (call $isHexLetter (local.get $c)))))
          (i32.or
            (i32.mul (global.get $ALNUM) (i32.or (call $isDigit (local.get $c)) (call $isLetter (local.get $c))))
            (i32.mul (global.get $WORD) (local.get $word)))))
      (if (i32.or (local.get $word) (i32.or (i32.eq (local.get $c) (i32.const 58)) (i32.eq (local.get $c) (i32.const 45))))
        (then
          (local.set $bits (i32.or (local.get $bits) (global.get $JOINS_AFTER)))
          (local.set $bits (i32.or (local.get $bits) (global.get $JOINS_BEFORE)))))
      (if (i32.eq (local.get $c) (i32.const 46))
        (then (local.set $bits (i32.or (local.get $bits) (global.get $JOINS_BEFORE)))))
      (if (call $isBlank (local.get $c))
        (then (local.set $bits (i32.or (local.get $bits) (i32.or (global.get $BLANK) (global.get $TOKEN))))))
      ;; Word characters, `.:,-/+`, and anything not ASCII.
      (if (i32.or (i32.or (local.get $word) (i32.gt_u (local.get $c) (i32.const 127)))
            (i32.or (i32.or (i32.eq (local.get $c) (i32.const 46)) (i32.eq (local.get $c) (i32.const 58)))
              (i32.or (i32.or (i32.eq (local.get $c) (i32.const 44)) (i32.eq (local.get $c) (i32.const 45)))
                (i32.or (i32.eq (local.get $c) (i32.const 47)) (i32.eq (local.get $c) (i32.const 43))))))
        (then (local.set $bits (i32.or (local.get $bits) (global.get $TOKEN)))))
      (i32.store8 (local.get $c) (local.get $bits))
      (local.set $c (i32.add (local.get $c) (i32.const 1)))
      (br_if $next (i32.lt_u (local.get $c) (i32.const 256)))))
  (start $classes)

  ;; What each byte of the sample inside a span a sweep crosses (rules 0 to 5, 7, 8) may be
  ;; instead, as walk.wat's `classes16` bits: another digit where the sample has one; for rules 2
  ;; and 8 a hex digit where it has one; for rules 3 and 4 a letter or digit after the id's two-character
  ;; prefix (rule 3: and before its last); in an own name (rule 0) any letter or digit, the name
  ;; compared whole before the sweep. None before an `x` (noiseRules.ts's keptBefore: a digit
  ;; there can make `0x...`), nor at the first byte of a span right after another (that one is
  ;; followed as in the sample). Run once
  ;; per template (walk.ts keeps the bytes): in a loop of JavaScript, before it is warm, it cost
  ;; a run's first page a millisecond a template.
  (func (export "allow")
    (local $i i32) (local $span i32) (local $start i32) (local $end i32) (local $rule i32)
    (local $p i32) (local $c i32) (local $bits i32) (local $before i32)
    (memory.fill (global.get $al) (i32.const 0) (i32.add (global.get $n) (i32.const 16)))
    (local.set $before (i32.const -1))
    (block $done
      (loop $spans
        (br_if $done (i32.ge_u (local.get $i) (global.get $count)))
        (local.set $span (call $spanAt (local.get $i)))
        (local.set $start (i32.load (local.get $span)))
        (local.set $end (i32.load offset=4 (local.get $span)))
        (local.set $rule (call $ruleAt (local.get $span)))
        (if (i32.or (i32.or (i32.eq (local.get $rule) (i32.const 7)) (i32.eq (local.get $rule) (i32.const 8)))
              (i32.le_u (local.get $rule) (i32.const 5)))
          (then
            (local.set $p (i32.add (local.get $start) (i32.eq (local.get $before) (local.get $start))))
            (block $spanDone
              (loop $bytes
                (br_if $spanDone (i32.ge_u (local.get $p) (local.get $end)))
                ;; The byte after (the end mark past the sample's last) is no `x`.
                (if (i32.ne (i32.or (i32.load8_u offset=1 (i32.add (global.get $s) (local.get $p))) (i32.const 32)) (i32.const 120))
                  (then
                    (local.set $c (i32.load8_u (i32.load8_u (i32.add (global.get $s) (local.get $p)))))
                    (local.set $bits (select (i32.const 1) (i32.const 0) (i32.and (local.get $c) (global.get $DIGIT))))
                    (if (i32.and (i32.or (i32.eq (local.get $rule) (i32.const 2)) (i32.eq (local.get $rule) (i32.const 8)))
                          (i32.ne (i32.and (local.get $c) (global.get $HEX)) (i32.const 0)))
                      (then (local.set $bits (i32.or (local.get $bits) (i32.const 3)))))
                    (if (i32.and
                          (i32.and (i32.ne (i32.and (local.get $c) (global.get $ALNUM)) (i32.const 0))
                            (i32.and (i32.ge_u (local.get $rule) (i32.const 3)) (i32.le_u (local.get $rule) (i32.const 4))))
                          (i32.and (i32.ge_u (i32.sub (local.get $p) (local.get $start)) (i32.const 2))
                            (i32.or (i32.eq (local.get $rule) (i32.const 4))
                              (i32.lt_u (i32.sub (local.get $p) (local.get $start)) (i32.sub (i32.sub (local.get $end) (local.get $start)) (i32.const 1))))))
                      (then (local.set $bits (i32.or (local.get $bits) (i32.const 13)))))
                    (if (i32.eqz (local.get $rule)) (then (local.set $bits (i32.const 13))))
                    (i32.store8 (i32.add (global.get $al) (local.get $p)) (local.get $bits))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $bytes)))))
        (local.set $before (local.get $end))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $spans))))


  ;; noiseRules.ts's digitRunsEnd: the same characters, each run of digits of any length.
  (func $digitRuns (param $start i32) (param $end i32) (param $at i32) (result i32)
    (local $i i32) (local $k i32) (local $a i32)
    (local.set $i (local.get $start))
    (local.set $k (local.get $at))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
        (if (i32.ge_u (local.get $k) (global.get $m)) (then (return (i32.const -1))))
        (local.set $a (i32.load8_u (i32.add (global.get $s) (local.get $i))))
        (if (i32.le_u (i32.sub (local.get $a) (i32.const 48)) (i32.const 9))
          (then
            (if (i32.eqz (i32.le_u (i32.sub (i32.load8_u (i32.add (global.get $x) (local.get $k))) (i32.const 48)) (i32.const 9))) (then (return (i32.const -1))))
            (block $sDone
              (loop $sRun
                (br_if $sDone (i32.ge_u (local.get $i) (local.get $end)))
                (br_if $sDone (i32.eqz (i32.le_u (i32.sub (i32.load8_u (i32.add (global.get $s) (local.get $i))) (i32.const 48)) (i32.const 9))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $sRun)))
            (block $xDone
              (loop $xRun
                (br_if $xDone (i32.ge_u (local.get $k) (global.get $m)))
                (br_if $xDone (i32.eqz (i32.le_u (i32.sub (i32.load8_u (i32.add (global.get $x) (local.get $k))) (i32.const 48)) (i32.const 9))))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))
                (br $xRun))))
          (else
            (if (i32.ne (i32.load8_u (i32.add (global.get $x) (local.get $k))) (local.get $a)) (then (return (i32.const -1))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))))
        (br $next)))
    (local.get $k))

  ;; noiseRules.ts's hexIdEnd: 8 or more hex digits with a letter among them, or `0x` and 8 or more.
  (func $hexId (param $start i32) (param $at i32) (result i32)
    (local $prefixed i32) (local $k i32) (local $from i32) (local $letter i32) (local $c i32)
    (local.set $prefixed
      (i32.and (i32.eq (i32.load8_u (i32.add (global.get $s) (local.get $start))) (i32.const 48))
        (i32.and (i32.lt_u (i32.add (local.get $start) (i32.const 1)) (global.get $n))
          (i32.eq (i32.or (i32.load8_u (i32.add (global.get $s) (i32.add (local.get $start) (i32.const 1)))) (i32.const 32)) (i32.const 120)))))
    (local.set $k (local.get $at))
    (if (local.get $prefixed)
      (then
        (if (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (global.get $m)) (then (return (i32.const -1))))
        (if (i32.ne (i32.load8_u (i32.add (global.get $x) (local.get $k))) (i32.const 48)) (then (return (i32.const -1))))
        (if (i32.ne (i32.or (i32.load8_u (i32.add (global.get $x) (i32.add (local.get $k) (i32.const 1)))) (i32.const 32)) (i32.const 120))
          (then (return (i32.const -1))))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))))
    (local.set $from (local.get $k))
    (local.set $letter (local.get $prefixed))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (global.get $m)))
        (local.set $c (i32.load8_u (i32.add (global.get $x) (local.get $k))))
        (br_if $done (i32.eqz (i32.ne (i32.and (i32.load8_u (local.get $c)) (global.get $HEX)) (i32.const 0))))
        (local.set $letter (i32.or (local.get $letter) (i32.eqz (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $next)))
    (if (i32.lt_u (i32.sub (local.get $k) (local.get $from)) (i32.const 8)) (then (return (i32.const -1))))
    (if (i32.eqz (local.get $letter)) (then (return (i32.const -1))))
    (if (i32.lt_u (local.get $k) (global.get $m))
      (then (if (i32.ne (i32.and (i32.load8_u (i32.load8_u (i32.add (global.get $x) (local.get $k)))) (global.get $WORD)) (i32.const 0)) (then (return (i32.const -1))))))
    (local.get $k))

  ;; fingerprint.ts's blank within a line ([^\S\r\n]), of ASCII: space, tab, \v, \f.
  (func $isBlank (param $c i32) (result i32)
    (i32.or (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 9)))
      (i32.le_u (i32.sub (local.get $c) (i32.const 11)) (i32.const 1))))

  ;; Where the mask's pattern, at `at`, ends a month and day as span i of the sample is (rule 7:
  ;; `Dec  1`, a month word, blanks, one or two digits), or -1: the same month word, blanks, one
  ;; or two digits, then neither a word character (the day's \b, no `st`) nor a year the
  ;; pattern would take in (`,? blanks dddd\b`). Past that, template.ts runs the pattern.
  (func $monthDay (param $i i32) (param $start i32) (param $end i32) (param $at i32) (result i32)
    (local $p i32) (local $k i32) (local $d i32)
    ;; As template.ts: not after an own name's raw text, which the pattern would see.
    (if (local.get $i)
      (then
        (if (i32.and
              (i32.eq (call $spanEnd (i32.sub (local.get $i) (i32.const 1))) (local.get $start))
              (i32.eqz (call $ruleAt (call $spanAt (i32.sub (local.get $i) (i32.const 1))))))
          (then (return (i32.const -1))))))
    ;; The pattern's (?<!\w).
    (if (local.get $at)
      (then
        (if (i32.and (i32.load8_u (i32.load8_u (i32.sub (i32.add (global.get $x) (local.get $at)) (i32.const 1)))) (global.get $WORD))
          (then (return (i32.const -1))))))
    ;; The month word, as the sample has it.
    (local.set $p (local.get $start))
    (block $word
      (loop $next
        (br_if $word (i32.ge_u (local.get $p) (local.get $end)))
        (br_if $word (call $isBlank (i32.load8_u (i32.add (global.get $s) (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $next)))
    (local.set $k (i32.add (local.get $at) (i32.sub (local.get $p) (local.get $start))))
    (if (i32.gt_u (local.get $k) (global.get $m)) (then (return (i32.const -1))))
    (local.set $d (i32.const 0))
    (block $same
      (loop $next
        (br_if $same (i32.ge_u (i32.add (local.get $start) (local.get $d)) (local.get $p)))
        (if (i32.ne (i32.load8_u (i32.add (global.get $s) (i32.add (local.get $start) (local.get $d))))
                    (i32.load8_u (i32.add (global.get $x) (i32.add (local.get $at) (local.get $d)))))
          (then (return (i32.const -1))))
        (local.set $d (i32.add (local.get $d) (i32.const 1)))
        (br $next)))
    ;; Blanks (the output's end mark is none), then one or two digits.
    (if (i32.eqz (call $isBlank (i32.load8_u (i32.add (global.get $x) (local.get $k))))) (then (return (i32.const -1))))
    (loop $blanks
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br_if $blanks (call $isBlank (i32.load8_u (i32.add (global.get $x) (local.get $k))))))
    (local.set $d (local.get $k))
    (loop $digits
      (if (call $isDigit (i32.load8_u (i32.add (global.get $x) (local.get $k))))
        (then
          (local.set $k (i32.add (local.get $k) (i32.const 1)))
          (br $digits))))
    (if (i32.gt_u (i32.sub (i32.sub (local.get $k) (local.get $d)) (i32.const 1)) (i32.const 1)) (then (return (i32.const -1))))
    (if (i32.and (i32.load8_u (i32.load8_u (i32.add (global.get $x) (local.get $k)))) (global.get $WORD))
      (then (return (i32.const -1))))
    ;; No year: `,?`, blanks, exactly four digits, then no word character.
    (local.set $p (local.get $k))
    (if (i32.eq (i32.load8_u (i32.add (global.get $x) (local.get $p))) (i32.const 44))
      (then (local.set $p (i32.add (local.get $p) (i32.const 1)))))
    (if (call $isBlank (i32.load8_u (i32.add (global.get $x) (local.get $p))))
      (then
        (loop $blanks
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br_if $blanks (call $isBlank (i32.load8_u (i32.add (global.get $x) (local.get $p))))))
        (local.set $d (local.get $p))
        (loop $digits
          (if (call $isDigit (i32.load8_u (i32.add (global.get $x) (local.get $p))))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 1)))
              (br $digits))))
        (if (i32.and (i32.eq (i32.sub (local.get $p) (local.get $d)) (i32.const 4))
              (i32.eqz (i32.and (i32.load8_u (i32.load8_u (i32.add (global.get $x) (local.get $p)))) (global.get $WORD))))
          (then (return (i32.const -1))))))
    (local.get $k))

  (func $isLetter8 (param $c i32) (result i32)
    (i32.le_u (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)) (i32.const 25)))
  (func $isTokenAt (param $k i32) (result i32)
    (i32.ne (i32.and (i32.load8_u (i32.load8_u (i32.add (global.get $x) (local.get $k)))) (global.get $TOKEN)) (i32.const 0)))
  (func $isBlankAt (param $k i32) (result i32)
    (i32.ne (i32.and (i32.load8_u (i32.load8_u (i32.add (global.get $x) (local.get $k)))) (global.get $BLANK)) (i32.const 0)))

  ;; noiseRules.ts's standsAlone: noise of another shape than the sample's from `at` to `end`
  ;; has, either side, a character no kind reads on across, or blanks and such a character or a
  ;; word no kind reads on from beyond them.
  (func $standsAlone (param $at i32) (param $end i32) (result i32)
    (local $p i32) (local $q i32) (local $c i32) (local $word i32) (local $t i32)
    ;; Before.
    (local.set $p (local.get $at))
    (block $past
      (loop $blanks
        (br_if $past (i32.eqz (local.get $p)))
        (br_if $past (i32.eqz (call $isBlankAt (i32.sub (local.get $p) (i32.const 1)))))
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (br $blanks)))
    (if (local.get $p)
      (then
        (if (call $isTokenAt (i32.sub (local.get $p) (i32.const 1)))
          (then
            (local.set $c (i32.load8_u (i32.add (global.get $x) (i32.sub (local.get $p) (i32.const 1)))))
            (if (i32.or (i32.eq (local.get $p) (local.get $at)) (i32.eqz (call $isLetter8 (local.get $c))))
              (then (return (i32.const 0))))
            (local.set $q (i32.sub (local.get $p) (i32.const 1)))
            (block $start
              (loop $letters
                (br_if $start (i32.eqz (local.get $q)))
                (br_if $start (i32.eqz (call $isLetter8 (i32.load8_u (i32.add (global.get $x) (i32.sub (local.get $q) (i32.const 1)))))))
                (local.set $q (i32.sub (local.get $q) (i32.const 1)))
                (br $letters)))
            ;; A word inside a longer token (`2026-Dec`) is part of that token.
            (if (local.get $q)
              (then
                (if (i32.and (call $isTokenAt (i32.sub (local.get $q) (i32.const 1)))
                      (i32.eqz (call $isBlankAt (i32.sub (local.get $q) (i32.const 1)))))
                  (then (return (i32.const 0))))))
            (if (i32.and (i32.ge_u (i32.sub (local.get $p) (local.get $q)) (i32.const 3))
                  (i32.ne (i32.const 0)
                    (i32.and (global.get $ACROSS_FIRST)
                      (i32.shl (i32.const 1)
                        (i32.sub (i32.or (i32.load8_u (i32.add (global.get $x) (local.get $q))) (i32.const 32)) (i32.const 97))))))
              (then
                (local.set $word
                  (i32.or (i32.and (i32.load (i32.add (global.get $x) (local.get $q))) (i32.const 0xffffff)) (i32.const 0x202020)))
                (local.set $t (i32.const 0))
                (loop $months
                  (if (i32.eq (local.get $word) (i32.load (i32.add (global.get $ACROSS) (i32.shl (local.get $t) (i32.const 2)))))
                    (then (return (i32.const 0))))
                  (local.set $t (i32.add (local.get $t) (i32.const 1)))
                  (br_if $months (i32.lt_u (local.get $t) (global.get $ACROSS_COUNT))))))))))
    ;; After.
    (local.set $q (local.get $end))
    (block $past
      (loop $blanks
        (br_if $past (i32.ge_u (local.get $q) (global.get $m)))
        (br_if $past (i32.eqz (call $isBlankAt (local.get $q))))
        (local.set $q (i32.add (local.get $q) (i32.const 1)))
        (br $blanks)))
    (if (i32.ge_u (local.get $q) (global.get $m)) (then (return (i32.const 1))))
    (if (i32.eqz (call $isTokenAt (local.get $q))) (then (return (i32.const 1))))
    (local.set $c (i32.load8_u (i32.add (global.get $x) (local.get $q))))
    (if (i32.or (i32.eq (local.get $q) (local.get $end)) (i32.eqz (call $isLetter8 (local.get $c))))
      (then (return (i32.const 0))))
    (i32.eqz (i32.and (global.get $TAKEN_AFTER) (i32.shl (i32.const 1) (i32.sub (i32.or (local.get $c) (i32.const 32)) (i32.const 97)))))))
