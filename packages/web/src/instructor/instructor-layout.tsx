import type { Me } from '@examforge/server/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { logOut } from '../api/auth-api.js';
import { queryKeys } from '../api/query-keys.js';
import { fetchSitting } from '../api/sittings-api.js';
import { ErrorNotice } from '../components/error-notice.js';
import { ExamFiles } from '../components/exam-files.js';
import { Loading } from '../components/loading.js';
import { useMe } from '../components/use-me.js';

export type StaffUser = Extract<Me, { kind: 'user' }>['user'];

const StaffUserContext = createContext<StaffUser | undefined>(undefined);

/** The signed-in staff member, inside `/instructor`. */
export function useStaffUser(): StaffUser {
  const user = useContext(StaffUserContext);
  if (!user) throw new Error('useStaffUser is used outside the instructor pages');
  return user;
}

/** Graders may read; only instructors and owners change rosters, keys and sittings. */
export function canManage(user: StaffUser): boolean {
  return user.role !== 'grader';
}

/** `/instructor/*`: signed-in staff only, with the bar to move between exams and to sign out. */
export function InstructorLayout() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not check who is signed in" error={me.error} />;
  if (me.data.kind !== 'user') return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <StaffUserContext.Provider value={me.data.user}>
      <StaffBar user={me.data.user} />
      <div className="staff-content">
        <PageExamFiles>
          <Outlet />
        </PageExamFiles>
      </div>
    </StaffUserContext.Provider>
  );
}

/**
 * The exam whose text the page shows (from `:examId`, or the sitting's exam under `:sittingId`), so its images load
 * from the exam's files on every instructor page: preview, results, grading, regrades.
 */
function PageExamFiles({ children }: { readonly children: ReactNode }) {
  const { examId, sittingId } = useParams();
  const sitting = useQuery({
    queryKey: queryKeys.sitting(sittingId ?? ''),
    queryFn: () => fetchSitting(sittingId ?? ''),
    enabled: examId === undefined && sittingId !== undefined,
  });
  const id = examId ?? sitting.data?.examId;
  return id === undefined ? children : <ExamFiles examId={id}>{children}</ExamFiles>;
}

function StaffBar({ user }: { readonly user: StaffUser }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: logOut,
    onSettled: () => {
      queryClient.removeQueries();
      queryClient.setQueryData(queryKeys.me, { kind: 'anonymous' } satisfies Me);
      void navigate('/login');
    },
  });
  return (
    <header className="staff-bar">
      <Link to="/instructor" className="staff-brand">
        Examforge
      </Link>
      <nav aria-label="Instructor">
        <Link to="/instructor">Exams</Link>
        {user.isAdmin && <Link to="/instructor/accounts">Accounts</Link>}
        <Link to="/instructor/password">Password</Link>
      </nav>
      <span className="staff-user">
        {user.name} · {user.role}
      </span>
      <button type="button" className="button button-small" onClick={() => logout.mutate()} data-testid="logout">
        Sign out
      </button>
    </header>
  );
}
