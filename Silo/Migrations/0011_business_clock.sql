-- The cluster's business clock anchor (O2C.Clock.ClusterClock), one row, so every silo and every
-- restart agrees on business time. Manual: the clock stands at business_at. Accelerated: the clock
-- read business_at when the wall read wall_at, and runs speed times the wall since. System: the wall.
-- Created by the first silo to start, from its O2C:Clock settings; rewritten when a silo starts with
-- another mode or speed; business_at of a Manual anchor only moves forward (greatest), and every move
-- is announced with NOTIFY business_clock '<new business time>' in the same transaction.
CREATE TABLE business_clock (
    id boolean PRIMARY KEY DEFAULT true CHECK (id), -- the one row
    mode text NOT NULL CHECK (mode IN ('System', 'Manual', 'Accelerated')),
    business_at timestamptz NOT NULL,
    wall_at timestamptz NOT NULL,
    speed double precision NOT NULL CHECK (speed > 0),
    updated_at timestamptz NOT NULL DEFAULT now()
);
